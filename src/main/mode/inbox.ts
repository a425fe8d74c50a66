import { incidentStartedText, type Incident } from '@shared/domain/incident'
import { MODE_TOPIC, modeMessageSchema, type ModeMessage } from '@shared/mode/messages'
import type { IncomingMessage } from '../alerts/types'
import { commitEach, parsePayload, splitBatch } from '../mqtt/refusal'
import { defaultClientId } from '../mqtt/config'
import { ModeMessageRepository } from '../store/repositories/modeMessages'
import type { Store } from '../store/store'

export interface ModeInboxDeps {
  store: Store
  /** This wall's instance id: its own messages (the broker's echo, its retained copy) are ignored. */
  origin: string
  now: () => number
  /** After a batch changed the mode or the incident: push the status and the 'mode' topic. */
  changed: () => void
}

type Outcome = 'applied' | 'older' | 'ignored'

/**
 * The mode as the other walls on the broker switch it (docs/EMERGENCY.md "All walls follow"):
 * `gcc/mode` messages from another origin are checked and applied in one transaction per batch.
 * The newest change wins: a message no newer than this wall's latest mode change is passed over.
 * Each message id is handled once; refusals are counted with the camera alerts' (reason
 * `badSchema` and the others) and never stop the batch.
 */
export class ModeInbox {
  readonly counters = { applied: 0, older: 0 }
  private readonly messages: ModeMessageRepository

  constructor(private readonly d: ModeInboxDeps) {
    this.messages = new ModeMessageRepository(d.store.db)
  }

  /** Commits the messages of a mixed batch that are on `gcc/mode`; returns the others, in order. */
  commitOwn(batch: readonly IncomingMessage[]): IncomingMessage[] {
    const { own, others } = splitBatch(batch, (topic) => topic === MODE_TOPIC)
    this.commit(own)
    return others
  }

  commit(batch: readonly IncomingMessage[]): void {
    if (batch.length === 0) return
    const outcomes = commitEach(this.d.store, batch, this.d.now, (message, now) => this.apply(message, now))
    const applied = outcomes.filter((o) => o === 'applied').length
    this.counters.applied += applied
    this.counters.older += outcomes.filter((o) => o === 'older').length
    if (applied > 0) this.d.changed()
  }

  /** Applies one message in the caller's transaction, or throws Refused before writing anything. */
  private apply(message: IncomingMessage, now: number): Outcome {
    const m = this.parse(message, now)
    if (m.origin === this.d.origin || this.messages.seen(m.id)) return 'ignored'
    const latest = this.d.store.modes.latest()
    const newer = latest === null || m.at > latest.at
    if (newer) this.switchTo(m)
    this.messages.record({ id: m.id, origin: m.origin, incidentId: m.incident?.id ?? null, at: m.at }, now, newer)
    return newer ? 'applied' : 'older'
  }

  private parse(message: IncomingMessage, now: number): ModeMessage {
    return parsePayload(message, modeMessageSchema, '不符合模式消息格式 / not a valid mode message', now, (m) => m.at)
  }

  /** Makes this wall's mode and incident those of the message (it is newer than every local change). */
  private switchTo(m: ModeMessage): void {
    const { store } = this.d
    const from = `来自 ${m.origin}`
    const running = store.incidents.current()
    if (m.mode === 'emergency') {
      // Newest wins: an incident running here that the other wall did not know is superseded.
      if (running && running.id !== m.incident.id) this.endLocal(running, m, `由 ${m.incident.id} 取代（${from}）/ superseded by ${m.incident.id}`)
      const isNew = store.incidents.upsert(m.incident)
      if (isNew || running?.id !== m.incident.id) {
        const i = m.incident
        store.incidents.appendLog({ incidentId: i.id, at: m.at, kind: 'started', operator: m.operator, text: `${incidentStartedText(i)}（${from}）` })
      }
      store.modes.record({ at: m.at, mode: 'emergency', operator: m.operator, reason: `${m.incident.reason}（${from}）`, incident: m.incident.id })
      return
    }
    const summary = m.incident?.summary ?? ''
    if (m.incident) store.incidents.upsert(m.incident)
    if (running && running.id !== m.incident?.id) this.endLocal(running, m, `${summary}（${from}）`)
    if (m.incident && running?.id === m.incident.id) store.incidents.appendLog({ incidentId: m.incident.id, at: m.at, kind: 'ended', operator: m.operator, text: `${summary}（${from}）` })
    store.modes.record({ at: m.at, mode: 'normal', operator: m.operator, reason: `${summary}（${from}）`, incident: m.incident?.id ?? running?.id ?? null })
  }

  private endLocal(running: Incident, m: ModeMessage, text: string): void {
    this.d.store.incidents.appendLog({ incidentId: running.id, at: m.at, kind: 'ended', operator: m.operator, text })
    this.d.store.incidents.end(running.id, m.at, m.operator, text)
  }
}

/** The mode inbox of the wall whose data directory is `dataDir` (its instance id: defaultClientId). */
export function modeInboxFor(o: { store: Store; dataDir: string; now: () => number; modeChanged?: () => void }): ModeInbox {
  return new ModeInbox({ store: o.store, origin: defaultClientId(o.dataDir), now: o.now, changed: o.modeChanged ?? (() => {}) })
}
