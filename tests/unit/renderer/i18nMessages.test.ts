import { describe, expect, it } from 'vitest'
import zhCN from '@renderer/i18n/zh-CN'
import enUS from '@renderer/i18n/en-US'

/** "a.b.c" → message for every leaf. */
function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value, path)) out.set(k, v)
    else out.set(path, value)
  }
  return out
}

const zh = flatten(zhCN)
const en = flatten(enUS)
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()

describe('i18n message files', () => {
  it('have exactly the same keys in zh-CN and en-US', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('have non-empty strings for every key', () => {
    for (const [key, value] of [...zh, ...en]) {
      expect(typeof value, key).toBe('string')
      expect((value as string).trim(), key).not.toBe('')
    }
  })

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of zh) expect(placeholders(en.get(key) as string), key).toEqual(placeholders(value as string))
  })

  it('avoid vue-i18n syntax characters that would break a message (| plural, @ link)', () => {
    for (const [key, value] of [...zh, ...en]) expect(value as string, key).not.toMatch(/[|@]/)
  })

  it('name the product and the two operating modes in Chinese by default', () => {
    expect(zhCN.app.productName).toBe('网格化治理指挥中心')
    expect(zhCN.titleBar.mode).toEqual({ normal: '常态', emergency: '应急' })
    expect(zhCN.chart.empty).toBe('暂无数据')
  })
})

describe('audit log labels', () => {
  it('names every audited API method in both languages', async () => {
    const { apiMethods } = await import('@shared/api/contract')
    const audited = Object.entries(apiMethods).filter(([, spec]) => spec.audit).map(([name]) => name)
    expect(audited.length).toBeGreaterThan(0)
    for (const [locale, messages] of Object.entries({ zhCN, enUS })) {
      const actions = (messages as { console: { audit: { actions: Record<string, Record<string, string>> } } }).console.audit.actions
      for (const method of audited) {
        const [ns, fn] = method.split('.') as [string, string]
        expect(actions[ns]?.[fn], `${locale}: ${method}`).toMatch(/\S/)
      }
    }
  })
})
