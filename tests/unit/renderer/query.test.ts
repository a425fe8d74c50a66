import { describe, expect, it } from 'vitest'
import { createQuery } from '../../../src/renderer/src/stores/query'

describe('createQuery', () => {
  it('keeps the last value, drops a late answer and records when it last loaded', async () => {
    const q = createQuery<{ n: number }>()
    expect(q.loadedAt()).toBe(0)
    let release!: (v: { n: number }) => void
    const slow = q.run(() => new Promise((r) => (release = r)))
    const before = performance.now()
    await q.run(async () => ({ n: 2 }))
    expect(q.data.value).toEqual({ n: 2 })
    expect(q.loadedAt()).toBeGreaterThanOrEqual(before)
    release({ n: 1 })
    expect(await slow).toBeNull()
    expect(q.data.value).toEqual({ n: 2 })
  })

  it('keeps the value and its load time when a reload fails, and holds the error', async () => {
    const q = createQuery<{ n: number }>()
    await q.run(async () => ({ n: 1 }))
    const at = q.loadedAt()
    await q.run(async () => {
      throw new Error('boom')
    })
    expect(q.data.value).toEqual({ n: 1 })
    expect(q.loadedAt()).toBe(at)
    expect(q.error.value).toMatchObject({ code: 'INTERNAL', message: /boom/ })
  })
})
