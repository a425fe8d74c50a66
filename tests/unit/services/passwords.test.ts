import { describe, expect, it } from 'vitest'
import { generatePassword, hashPassword, verifyPassword } from '../../../src/main/services/passwords'

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, and never stores it in clear', async () => {
    const hash = await hashPassword('正确的密码-correct horse')
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect(hash).not.toContain('correct')
    expect(await verifyPassword('正确的密码-correct horse', hash)).toBe(true)
    expect(await verifyPassword('正确的密码-correct hors', hash)).toBe(false)
    expect(await verifyPassword('x', 'garbage')).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'))
  })

  it('generates strong first-admin passwords', () => {
    const p = generatePassword()
    expect(p).toHaveLength(16)
    expect(generatePassword()).not.toBe(p)
  })
})
