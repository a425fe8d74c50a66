import { describe, expect, it, vi } from 'vitest'
import { apiMethodNames, IPC_CALL, IPC_EVENT } from '@shared/api/channels'
import { createBridge, type IpcPort } from '../../../src/preload/bridge'

/** A stand-in for ipcRenderer that records what the bridge does with it. */
function fakeIpc(reply: (method: unknown, input: unknown) => unknown = () => ({ ok: true, value: 42 })) {
  const listeners = new Set<(event: unknown, message: unknown) => void>()
  const invoke = vi.fn(async (_channel: string, method: unknown, input: unknown) => reply(method, input))
  const port: IpcPort = {
    invoke,
    on: (channel, l) => (expect(channel).toBe(IPC_EVENT), listeners.add(l)),
    removeListener: (_channel, l) => listeners.delete(l)
  }
  const emit = (message: unknown): void => listeners.forEach((l) => l({}, message))
  return { port, invoke, listeners, emit }
}

describe('preload bridge', () => {
  it('exposes exactly the contract methods, plus on, and nothing of ipcRenderer', () => {
    const bridge = createBridge(fakeIpc().port) as unknown as Record<string, Record<string, unknown>>
    const exposed = Object.entries(bridge)
      .filter(([k]) => k !== 'on')
      .flatMap(([ns, group]) => Object.keys(group).map((fn) => `${ns}.${fn}`))
    expect(exposed.sort()).toEqual([...apiMethodNames].sort())
    expect(Object.keys(bridge)).not.toContain('invoke')
    expect(Object.keys(bridge)).not.toContain('send')
  })

  it('fixes the method name in the preload and returns envelopes', async () => {
    const ipc = fakeIpc()
    const bridge = createBridge(ipc.port)
    await expect(bridge.stats.summary({ areaCode: '440311' })).resolves.toEqual({ ok: true, value: 42 })
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CALL, 'stats.summary', { areaCode: '440311' })
  })

  it('turns a malformed reply or a dead main process into an envelope, never a rejection', async () => {
    const malformed = createBridge(fakeIpc(() => 'garbage').port)
    await expect(malformed.system.status({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const dead = createBridge(fakeIpc(() => { throw new Error('gone') }).port)
    await expect(dead.system.status({})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })

  it('delivers pushed events by name and detaches when the last listener leaves', () => {
    const ipc = fakeIpc()
    const bridge = createBridge(ipc.port)
    const seen: unknown[] = []
    const off = bridge.on('data', (p) => seen.push(p))
    expect(ipc.listeners.size).toBe(1)
    ipc.emit({ event: 'data', payload: { topics: ['events'] } })
    ipc.emit({ event: 'status', payload: {} })
    ipc.emit({ event: 'bogus', payload: {} })
    ipc.emit('not an object')
    expect(seen).toEqual([{ topics: ['events'] }])
    off()
    expect(ipc.listeners.size).toBe(0)
    expect(() => bridge.on('bogus' as 'data', () => {})).toThrow(/unknown event/)
  })
})
