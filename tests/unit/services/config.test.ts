import { describe, expect, it } from 'vitest'
import { ConfigError, defaultDataDir, resolveConfig } from '../../../src/main/config'

describe('configuration', () => {
  it('takes flags before environment variables before defaults', () => {
    const c = resolveConfig(['--data-dir', '/flag', '--port=6000'], { GCC_DATA_DIR: '/env', GCC_PORT: '7000', GCC_HOST: '0.0.0.0' })
    expect(c).toMatchObject({ dataDir: '/flag', port: 6000, host: '0.0.0.0', kiosk: true, demoCenter: [113.94, 22.76] })
    expect(resolveConfig([], { GCC_DATA_DIR: '/env' }).dataDir).toBe('/env')
    expect(resolveConfig([], {}).dataDir).toBeNull()
  })

  it('ignores flags it does not know (Chromium passes its own)', () => {
    expect(() => resolveConfig(['--no-sandbox', '--enable-logging', 'positional'], {})).not.toThrow()
  })

  it('refuses bad values with a clear message', () => {
    expect(() => resolveConfig(['--port', 'eighty'], {})).toThrow(ConfigError)
    expect(() => resolveConfig(['--center', '200,91'], {})).toThrow(/demoCenter/)
    expect(() => resolveConfig([], { GCC_ACCESS_TOKEN: 'short' })).toThrow(/at least 16/)
  })

  it("defaults to Electron's userData folder for this app", () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/grid-command-center')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/grid-command-center$/)
  })
})
