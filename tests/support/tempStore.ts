import { join } from 'node:path'
import { Store } from '../../src/main/store/store'
import { tempDir } from './tempDir'

/** A store on a fresh SQLite file in a temp directory, and a function that closes and removes it. */
export function tempStore(prefix?: string): { store: Store; remove: () => void } {
  const t = tempDir(prefix)
  const store = Store.open(join(t.dir, 'gcc.sqlite3'))
  return {
    store,
    remove: () => {
      store.close()
      t.remove()
    }
  }
}
