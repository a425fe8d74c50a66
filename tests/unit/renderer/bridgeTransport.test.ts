import { describe, expect, it, vi } from 'vitest'
import { createApiClient } from '@shared/api/client'
import { ApiError } from '@shared/api/errors'
import type { ApiBridge } from '@shared/api/bridge'
import { createBridgeTransport } from '@renderer/api/bridgeTransport'

/** A partial bridge: only what each test needs (the transport must cope with missing methods). */
const bridge = (overrides: Record<string, unknown>): ApiBridge =>
  ({ on: vi.fn(() => () => undefined), ...overrides }) as unknown as ApiBridge

describe('the Electron bridge transport', () => {
  it('calls the namespaced bridge function and keeps the error code across the boundary', async () => {
    const enter = vi.fn(async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '权限不足 / dispatcher required' } }))
    const api = createApiClient(createBridgeTransport(bridge({ mode: { enter } })))
    const input = { type: 'fire' as const, level: 'IV' as const, location: { gridCode: '440311-001-01-001' }, reason: '演练', drill: true }
    const err = await api.mode.enter(input).catch((e: unknown) => e)
    expect(enter).toHaveBeenCalledWith(input)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('FORBIDDEN')
  })

  it('answers UNKNOWN_METHOD, UNAVAILABLE and INTERNAL instead of throwing', async () => {
    const t = createBridgeTransport(
      bridge({
        system: {
          status: async () => {
            throw new Error('ipc gone')
          }
        },
        map: { district: async () => 'junk' }
      })
    )
    expect(await t.call('stats.summary', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(await t.call('system.status', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(await t.call('map.district', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
