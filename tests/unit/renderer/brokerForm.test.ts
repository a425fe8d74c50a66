import { describe, expect, it } from 'vitest'
import { brokerSettingsUpdateSchema, type BrokerSettingsView } from '@shared/alerts/brokerSettings'
import { cameraTableProblem, formFromView, updateFromForm } from '@renderer/components/console/brokerForm'

const embedded: BrokerSettingsView = {
  broker: null,
  embedded: { port: 1883 },
  topics: { native: 'alerts/#' },
  frigate: { enabled: true, topicPrefix: 'frigate', snapshotUrlTemplate: null, cameras: { front_gate: 'CAM000001' } },
  simulator: { enabled: true, rate: 2, burstEvery: 60, burstSize: 30, repeatShare: 0.3 },
  ingest: { batchMs: 20, batchSize: 500 }
}

/** The settings dialog's form model: view → form → update, and what it sends for the password. */
describe('broker settings form', () => {
  it('round-trips the view, and the update passes the API schema', () => {
    const update = updateFromForm(formFromView(embedded))
    expect(update).toEqual(embedded)
    expect(brokerSettingsUpdateSchema.parse(update)).toEqual(embedded)
  })

  it('builds an external broker with TLS from the form, empty fields as null', () => {
    const form = formFromView(embedded)
    Object.assign(form, { mode: 'external', url: ' mqtts://emqx.local:8883 ', username: '', useTls: true, ca: 'ca.pem', protocolVersion: 4 })
    expect(updateFromForm(form).broker).toEqual({
      url: 'mqtts://emqx.local:8883',
      username: null,
      protocolVersion: 4,
      clientId: null,
      keepalive: 30,
      tls: { ca: 'ca.pem', cert: null, key: null, rejectUnauthorized: true }
    })
  })

  it('sends a password only when typed, an empty one to remove it, none with the embedded broker', () => {
    const form = { ...formFromView(embedded), mode: 'external' as const, url: 'mqtt://h:1883' }
    expect(updateFromForm(form)).not.toHaveProperty('password')
    expect(updateFromForm({ ...form, password: 's3cret' }).password).toBe('s3cret')
    expect(updateFromForm({ ...form, clearPassword: true }).password).toBe('')
    expect(updateFromForm({ ...form, mode: 'embedded', password: 's3cret' })).not.toHaveProperty('password')
  })

  it('names an empty or repeated Frigate camera in the table', () => {
    const form = formFromView(embedded)
    expect(cameraTableProblem(form)).toBeNull()
    form.cameras.push({ frigate: 'front_gate', camera: 'CAM000002' })
    expect(cameraTableProblem(form)).toBe('front_gate')
    form.cameras.splice(1, 1, { frigate: '', camera: 'CAM000002' })
    expect(cameraTableProblem(form)).toBe('—')
  })
})
