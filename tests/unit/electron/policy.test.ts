import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, ALLOWED_PERMISSIONS, contentTypeOf, createUrlTrust, resolveAppFile } from '../../../src/main/electron/policy'

describe('Electron shell policy', () => {
  it('trusts only app://gcc pages in production', () => {
    const trust = createUrlTrust(null)
    expect(trust(APP_ENTRY_URL)).toBe(true)
    expect(trust('app://gcc/#/console')).toBe(true)
    for (const url of ['app://evil/index.html', 'https://example.com/', 'file:///etc/passwd', 'http://localhost:5173/', 'javascript:alert(1)', 'not a url', '']) {
      expect(trust(url), url).toBe(false)
    }
  })

  it("trusts the dev server's origin only in development", () => {
    const trust = createUrlTrust('http://localhost:5173/')
    expect(trust('http://localhost:5173/#/console')).toBe(true)
    expect(trust('http://localhost:5174/')).toBe(false)
    expect(trust('https://localhost:5173/')).toBe(false)
  })

  it('serves files inside the renderer folder and refuses every way out', () => {
    const root = '/opt/gcc/renderer'
    expect(resolveAppFile(root, 'app://gcc/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://gcc/assets/index.js')).toBe(join(root, 'assets/index.js'))
    for (const url of [
      'app://gcc/../main/index.js',
      'app://gcc/..%2f..%2fetc%2fpasswd',
      'app://gcc/assets/%2e%2e/%2e%2e/secret',
      'app://gcc/a%00.js',
      'app://gcc/%E0%A4%A',
      'app://other/index.html',
      'https://gcc/index.html'
    ]) {
      // The URL parser folds plain `..` away; what must hold is that nothing resolves outside.
      const file = resolveAppFile(root, url)
      expect(file === null || file.startsWith(root + '/'), `${url} → ${file}`).toBe(true)
    }
    expect(resolveAppFile(root, 'app://gcc/..%2f..%2fetc%2fpasswd')).toBeNull()
    expect(resolveAppFile(root, 'app://gcc/a%00.js')).toBeNull()
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull()
  })

  it('grants no permission by default and types what it serves', () => {
    expect(ALLOWED_PERMISSIONS.size).toBe(0)
    expect(contentTypeOf('x/index.HTML')).toMatch(/^text\/html/)
    expect(contentTypeOf('x/app.js')).toMatch(/^text\/javascript/)
    expect(contentTypeOf('x/unknown.bin')).toBe('application/octet-stream')
  })
})
