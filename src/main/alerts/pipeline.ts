import type { AlertView } from '@shared/api/alertTypes'
import type { Store } from '../store/store'
import type { IncomingMessage, ParseResult, ParsedAlert, Rejection, RoutedAlert } from './types'

export interface PipelineDeps {
  /** Where alerts are written: the app's store, or the ingest connection (src/main/alerts/ingestStore.ts). */
  store: Pick<Store, 'alerts' | 'transaction'>
  parse: (message: IncomingMessage) => ParseResult
  /** Places a parsed alert in its grid (its own position, else its camera's); null outside the district. */
  route: (alert: ParsedAlert) => RoutedAlert | null
  /** After a batch is committed: the new and changed alerts, newest first. */
  committed: (alerts: AlertView[]) => void
}

export interface PipelineCounters {
  accepted: number
  lastMessageAt: number | null
}

/**
 * One batch of broker messages → SQLite, in one transaction: each message is parsed (format,
 * schema, limits), routed to its grid and stored, or refused with a counted reason. It throws
 * only when the store cannot commit; the link then does not acknowledge the batch and the broker
 * delivers it again. Repeats (same id) update one alert, so a redelivered batch changes nothing
 * but the repeat count.
 */
export class AlertPipeline {
  readonly counters: PipelineCounters = { accepted: 0, lastMessageAt: null }

  constructor(private readonly d: PipelineDeps) {}

  commit(batch: readonly IncomingMessage[]): void {
    if (batch.length === 0) return
    const routed: RoutedAlert[] = []
    const refused: Rejection[] = []
    for (const message of batch) {
      const result = this.d.parse(message)
      if ('ignored' in result) continue
      if (!result.ok) {
        refused.push(result.rejection)
        continue
      }
      const placed = this.d.route(result.alert)
      if (placed) routed.push(placed)
      else refused.push(outsideDistrict(message, result.alert))
    }
    const { store } = this.d
    // The views are read (or made) inside the transaction: what the commit makes visible.
    const views = store.transaction(() => {
      store.alerts.reject(refused)
      return store.alerts.ingestViews(routed)
    })
    this.counters.accepted += routed.length
    let last = this.counters.lastMessageAt ?? 0
    for (const m of batch) if (m.receivedAt > last) last = m.receivedAt
    this.counters.lastMessageAt = last
    if (views.length > 0) this.d.committed(views)
  }
}

function outsideDistrict(message: IncomingMessage, alert: ParsedAlert): Rejection {
  const where = alert.position ? `${alert.position[0].toFixed(5)},${alert.position[1].toFixed(5)}` : `camera ${alert.cameraId}`
  return {
    reason: 'outsideDistrict',
    detail: `位置不在辖区任何网格内 / ${where} lies in no grid of the district`,
    topic: message.topic,
    excerpt: new TextDecoder('utf-8', { fatal: false }).decode(message.payload.subarray(0, 200)),
    bytes: message.payload.byteLength,
    at: message.receivedAt
  }
}
