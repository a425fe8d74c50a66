import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { databasePath, resolveConfig } from '../../src/main/config'
import { startCore, type Core } from '../../src/main/services/core'
import { Store } from '../../src/main/store/store'
import { loadMiniDistrict } from './miniDistrict'
import { tempDir } from './tempDir'

/**
 * The core of a browser host for tests of its HTTP routes: a data directory holding the mini
 * district (so start-up does not generate the demo), a renderer directory with an index.html, and
 * the services started on them without the alert path. `remove` stops the core and deletes both.
 */
export async function startTestCore(): Promise<{ core: Core; dataDir: string; rendererDir: string; remove(): Promise<void> }> {
  const data = tempDir()
  const renderer = tempDir()
  writeFileSync(join(renderer.dir, 'index.html'), '<!doctype html><title>wall</title>')
  const seeded = Store.open(databasePath(data.dir))
  loadMiniDistrict(seeded, Date.now())
  seeded.close()
  const config = resolveConfig([], { GCC_ADMIN_PASSWORD: 'admin-password-for-tests' })
  const core = await startCore({ config, dataDir: data.dir, runtime: 'browser', version: 'test', log: () => {}, alerts: false })
  return {
    core,
    dataDir: data.dir,
    rendererDir: renderer.dir,
    async remove() {
      await core.stop()
      data.remove()
      renderer.remove()
    }
  }
}
