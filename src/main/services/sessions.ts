import { randomBytes } from 'node:crypto'

interface SessionEntry {
  operatorId: number
  lastSeen: number
}

/**
 * Signed-in operators by session key: a window (`wc:<id>`) in Electron, a bearer token in the
 * browser host. Sessions expire after a period without use.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionEntry>()

  constructor(
    private readonly idleMs = 12 * 3600_000,
    private readonly now: () => number = Date.now
  ) {}

  static newToken(): string {
    return randomBytes(32).toString('base64url')
  }

  bind(key: string, operatorId: number): void {
    this.sessions.set(key, { operatorId, lastSeen: this.now() })
  }

  /** The operator of a live session, refreshing its idle timer. */
  operatorId(key: string | null): number | null {
    if (!key) return null
    const s = this.sessions.get(key)
    if (!s) return null
    if (this.now() - s.lastSeen > this.idleMs) {
      this.sessions.delete(key)
      return null
    }
    s.lastSeen = this.now()
    return s.operatorId
  }

  end(key: string | null): void {
    if (key) this.sessions.delete(key)
  }
}
