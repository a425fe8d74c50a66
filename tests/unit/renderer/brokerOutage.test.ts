import { describe, expect, it } from 'vitest'
import { nextOutage, noOutage, type BrokerOutage } from '@renderer/stores/brokerOutage'

const run = (states: (Parameters<typeof nextOutage>[1])[]): BrokerOutage[] => {
  const out: BrokerOutage[] = []
  let o = noOutage
  states.forEach((s, i) => out.push((o = nextOutage(o, s, 1000 * (i + 1)))))
  return out
}

describe('the broker outage the wall shows', () => {
  it('is not an outage while the link makes its first connection', () => {
    expect(run(['connecting', 'connecting', 'connected']).map((o) => o.downSince)).toEqual([null, null, null])
  })

  it('starts at the first refusal, and reconnect attempts do not end it', () => {
    const o = run(['connecting', 'offline', 'connecting', 'offline', 'connected'])
    expect(o.map((x) => x.downSince)).toEqual([null, 2000, 2000, 2000, null])
  })

  it('after having been up, any state but connected is one outage from its first moment', () => {
    const o = run(['connected', 'connecting', 'offline', 'connecting', 'connected', 'connecting'])
    expect(o.map((x) => x.downSince)).toEqual([null, 2000, 2000, 2000, null, 6000])
  })

  it('is none when ingest is disabled or not running', () => {
    expect(run(['offline', 'disabled']).map((x) => x.downSince)).toEqual([1000, null])
    expect(run(['offline', null]).map((x) => x.downSince)).toEqual([1000, null])
  })
})
