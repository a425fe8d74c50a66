import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultClientId, describeBroker, linkConnection, loadMqttConfig, parseMqttConfig } from '../../../src/main/mqtt/config'
import { tempDir } from '../../support/tempDir'

describe('MQTT configuration', () => {
  const dirs: (() => void)[] = []
  afterEach(() => dirs.splice(0).forEach((r) => r()))
  const dir = (): string => {
    const t = tempDir('gcc-mqttcfg-')
    dirs.push(t.remove)
    return t.dir
  }

  it('no file: the embedded broker and the simulator, with a stable client id', () => {
    const d = dir()
    const r = loadMqttConfig(d)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.source).toBe('default')
    expect(r.settings).toMatchObject({
      broker: null,
      embeddedPort: 1883,
      topics: { native: 'alerts/#', frigate: 'frigate/events', events: 'events/+' },
      simulator: { enabled: true, rate: 2 },
      ingest: { batchMs: 20, batchSize: 5000 }
    })
    expect(r.settings.clientId).toBe(defaultClientId(d))
    expect(r.settings.clientId).toMatch(/^gcc-[0-9a-f]{12}$/)
    expect(defaultClientId(dir())).not.toBe(r.settings.clientId)
    const c = linkConnection(r.settings, 'mqtt://127.0.0.1:1883')
    expect(c).toMatchObject({ url: 'mqtt://127.0.0.1:1883', protocolVersion: 4, topics: ['alerts/#', 'frigate/events', 'events/+', 'gcc/mode', 'gcc/tasks/#', 'gcc/task-replies/+'], tls: null })
    expect(() => linkConnection(r.settings)).toThrow()
  })

  it('an external broker with TLS files, credentials and MQTT 5; the simulator stays off', () => {
    const d = dir()
    writeFileSync(join(d, 'ca.pem'), 'CA')
    writeFileSync(
      join(d, 'mqtt.json'),
      JSON.stringify({
        broker: { url: 'mqtts://emqx.example:8883', username: 'wall', password: 's3cret!', tls: { ca: 'ca.pem' } },
        frigate: { enabled: false }
      })
    )
    const r = loadMqttConfig(d)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.source).toBe('file')
    expect(r.settings.simulator.enabled).toBe(false)
    const c = linkConnection(r.settings)
    expect(c).toMatchObject({ url: 'mqtts://emqx.example:8883', username: 'wall', password: 's3cret!', protocolVersion: 5, topics: ['alerts/#', 'events/+', 'gcc/mode', 'gcc/tasks/#', 'gcc/task-replies/+'] })
    expect(c.tls?.ca?.toString()).toBe('CA')
    expect(c.tls?.rejectUnauthorized).toBe(true)
    expect(c.sessionExpiry).toBe(7 * 24 * 3600)
  })

  it.each([
    ['not JSON', '{ broker: ', /not valid JSON/],
    ['a bad scheme', { broker: { url: 'http://x:1883' } }, /broker\.url: must start with mqtt/],
    ['credentials in the URL', { broker: { url: 'mqtt://u:hunter22@x:1883' } }, /broker\.url: must not contain credentials/],
    ['a bad protocol version', { broker: { url: 'mqtt://x', protocolVersion: 3 } }, /broker\.protocolVersion/],
    ['an unknown field', { brokr: {} }, /brokr|\(file\)/],
    ['a bad topic filter', { topics: { native: 'alerts/#/x' } }, /topics\.native: not a valid MQTT topic filter/],
    ['a missing TLS file', { broker: { url: 'mqtts://x', tls: { ca: 'nope.pem' } } }, /broker\.tls\.ca: .*nope\.pem.*ENOENT/],
    ['cert without key', { broker: { url: 'mqtts://x', tls: { cert: 'c.pem' } } }, /broker\.tls: cert and key must be given together/],
    ['a bad rate', { simulator: { rate: -1 } }, /simulator\.rate/]
  ])('refuses %s with a bilingual error naming the field, without the password', (_name, content, pattern) => {
    const d = dir()
    writeFileSync(join(d, 'mqtt.json'), typeof content === 'string' ? content : JSON.stringify(content))
    const r = loadMqttConfig(d)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatch(pattern)
    expect(r.error).toContain('MQTT 配置无效')
    expect(r.error).toContain('alert ingest is disabled')
    expect(r.error).not.toContain('hunter22')
  })

  it('never shows credentials when describing a broker', () => {
    expect(describeBroker('mqtts://user:pw@broker.example:8883/x?y=1')).toBe('broker.example:8883')
    expect(describeBroker('mqtt://broker.example')).toBe('broker.example:1883')
    expect(describeBroker('wss://broker.example/mqtt')).toBe('broker.example:443')
    expect(describeBroker('nonsense')).toBe('(invalid broker URL)')
  })

  it('parses an object directly (the settings dialog will use this)', () => {
    const r = parseMqttConfig({ broker: { url: 'mqtt://10.0.0.5:1883', protocolVersion: 4, clientId: 'wall-1' } }, dir())
    expect(r.ok && r.settings.clientId).toBe('wall-1')
  })
})
