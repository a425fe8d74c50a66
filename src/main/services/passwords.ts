import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt parameters (OWASP: N=2^17, r=8, p=1). Stored with the hash so they can be raised later. */
const N = 2 ** 17
const r = 8
const p = 1
const KEY_LEN = 32
const maxmem = 256 * N * r

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))
  )
}

/** "scrypt$N$r$p$salt$hash" (base64). The password itself is never stored or logged. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LEN, { N, r, p, maxmem })
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, rr, pp, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !n || !rr || !pp || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const cost = Number(n)
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: cost,
    r: Number(rr),
    p: Number(pp),
    maxmem: 256 * cost * Number(rr)
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A password for the first admin, shown once: 16 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('')
}
