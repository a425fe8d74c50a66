import { createServer } from 'node:net'
import { connect } from 'mqtt'
import { describe, expect, it } from 'vitest'
import { startEmbeddedBroker } from '../../../src/main/mqtt/embeddedBroker'
import { freePort } from '../../support/mosquitto'

describe('embedded broker', () => {
  it('serves MQTT on 127.0.0.1 and stops', async () => {
    const port = await freePort()
    const broker = await startEmbeddedBroker({ port })
    expect(broker).toMatchObject({ url: `mqtt://127.0.0.1:${port}`, port, requestedPort: port, notice: null })
    const sub = await (await import('mqtt')).connectAsync(broker.url, { clientId: 'emb-sub' })
    await sub.subscribeAsync('alerts/#', { qos: 1 })
    const got = new Promise<string>((resolve) => sub.on('message', (_t, p) => resolve(p.toString())))
    const pub = await (await import('mqtt')).connectAsync(broker.url, { clientId: 'emb-pub' })
    await pub.publishAsync('alerts/cam-1', 'hello', { qos: 1 })
    expect(await got).toBe('hello')
    await pub.endAsync()
    await broker.stop()
    await broker.stop() // idempotent
    // Clients still connected are cut off; the port is free again.
    await sub.endAsync(true)
    const again = await startEmbeddedBroker({ port })
    expect(again.port).toBe(port)
    await again.stop()
  })

  it('falls back to a free port, and says so, when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    const taken = (blocker.address() as { port: number }).port
    try {
      const broker = await startEmbeddedBroker({ port: taken })
      expect(broker.port).not.toBe(taken)
      expect(broker.requestedPort).toBe(taken)
      expect(broker.notice).toContain(String(taken))
      expect(broker.notice).toContain(`127.0.0.1:${broker.port}`)
      const c = connect(broker.url, { reconnectPeriod: 0 })
      await new Promise<void>((resolve, reject) => {
        c.once('connect', () => resolve())
        c.once('error', reject)
      })
      await c.endAsync()
      await broker.stop()
    } finally {
      blocker.close()
    }
  })
})
