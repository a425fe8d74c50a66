import type { IncomingMessage } from '../alerts/types'
import { defaultClientId } from '../mqtt/config'
import { modeInboxFor } from '../mode/inbox'
import { TaskInbox } from '../tasks/inbox'
import type { Store } from '../store/store'

/**
 * The command center's own topics on the alert link (docs/EMERGENCY.md): `gcc/mode` (every wall
 * follows the mode), `gcc/tasks/#` (tasks other walls dispatched) and `gcc/task-replies/+` (replies). `commitOwn` commits
 * those messages of a batch and returns the others, in order, for the event inbox and the alerts.
 */
export function commandInboxesFor(o: { store: Store; dataDir: string; now: () => number; modeChanged?: () => void; tasksChanged?: () => void }): {
  commitOwn(batch: readonly IncomingMessage[]): IncomingMessage[]
} {
  const modes = modeInboxFor(o)
  const replies = new TaskInbox({ store: o.store, origin: defaultClientId(o.dataDir), now: o.now, changed: o.tasksChanged ?? (() => {}) })
  return { commitOwn: (batch) => replies.commitOwn(modes.commitOwn(batch)) }
}
