import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncomingMessage } from '../../../src/main/alerts/types'
import { loadMqttConfig, linkConnection } from '../../../src/main/mqtt/config'
import { AlertLink } from '../../../src/main/mqtt/link'
import { connectSimulator } from '../../../src/main/mqtt/simulator'
import { startMosquitto, type MosquittoHandle } from '../../support/mosquitto'
import { tempDir } from '../../support/tempDir'
import { until } from '../../support/until'

/** A district broker over TLS (our own CA) with a user and password: what mqtt.json configures. */
describe('the alert link over TLS with a username and password, against Mosquitto', () => {
  let broker: MosquittoHandle
  let dir: string
  let remove: () => void
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })

  beforeAll(async () => {
    ;({ dir, remove } = tempDir('gcc-tls-'))
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=gcc-test-ca', '-keyout', 'ca.key', '-out', 'ca.pem')
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr')
    writeFileSync(join(dir, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n')
    openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.cnf', '-out', 'server.pem')
    // A second CA the broker's certificate is not signed by.
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=other-ca', '-keyout', 'other.key', '-out', 'other.pem')
    execFileSync('mosquitto_passwd', ['-b', '-c', join(dir, 'passwd'), 'gcc-wall', 's3cret-pass'], { stdio: 'ignore' })
    broker = await startMosquitto({
      listenerLines: [`cafile ${join(dir, 'ca.pem')}`, `certfile ${join(dir, 'server.pem')}`, `keyfile ${join(dir, 'server.key')}`],
      passwordFile: join(dir, 'passwd')
    })
  }, 60_000)
  afterAll(async () => {
    await broker?.dispose()
    remove?.()
  })

  function linkFor(config: object): { link: AlertLink; got: IncomingMessage[] } {
    writeFileSync(join(dir, 'mqtt.json'), JSON.stringify(config))
    const loaded = loadMqttConfig(dir)
    if (!loaded.ok) throw new Error(loaded.error)
    const got: IncomingMessage[] = []
    const link = new AlertLink({ connection: linkConnection(loaded.settings), sink: (batch) => void got.push(...batch), reconnectPeriodMs: 500 })
    link.start()
    return { link, got }
  }
  const url = (): string => `mqtts://127.0.0.1:${broker.port}`

  it('connects with the district CA, the user and the password, and receives alerts', async () => {
    const { link, got } = linkFor({ broker: { url: url(), username: 'gcc-wall', password: 's3cret-pass', protocolVersion: 5, tls: { ca: 'ca.pem' } } })
    try {
      await until('connected', () => link.state === 'connected')
      const camera = connectSimulator({
        url: url(),
        clientId: 'tls-camera',
        username: 'gcc-wall',
        password: 's3cret-pass',
        protocolVersion: 5,
        tls: { ca: readFileSync(join(dir, 'ca.pem')), rejectUnauthorized: true }
      })
      try {
        await camera.publish('alerts/CAM000001', JSON.stringify({ schemaVersion: 1, id: 'tls-1' }))
      } finally {
        await camera.close()
      }
      await until('the message', () => got.some((m) => m.topic === 'alerts/CAM000001'))
    } finally {
      await link.stop()
    }
  })

  it('says why when the password is wrong or the certificate is not the district CA’s, and never shows the password', async () => {
    const wrong = linkFor({ broker: { url: url(), username: 'gcc-wall', password: 'wrong-pass', protocolVersion: 5, tls: { ca: 'ca.pem' } } })
    try {
      await until('refused', () => wrong.link.status().lastError !== null)
      expect(wrong.link.state).not.toBe('connected')
      expect(wrong.link.status().lastError).not.toContain('wrong-pass')
    } finally {
      await wrong.link.stop()
    }
    const untrusted = linkFor({ broker: { url: url(), username: 'gcc-wall', password: 's3cret-pass', protocolVersion: 5, tls: { ca: 'other.pem' } } })
    try {
      await until('refused', () => untrusted.link.status().lastError !== null)
      expect(untrusted.link.state).not.toBe('connected')
      expect(untrusted.link.status().lastError).toMatch(/certificate|self.signed|verify/i)
    } finally {
      await untrusted.link.stop()
    }
  })
})
