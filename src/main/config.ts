import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DEFAULT_DEMO_CENTER, DEFAULT_DEMO_SEED } from './demo/options'

export const APP_DIR_NAME = 'grid-command-center'
export const DATABASE_FILE = 'gcc.sqlite3'

/**
 * Where Electron's app.getPath('userData') points for this app on each platform, so the browser
 * host and the desktop app share one store by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR_NAME)
}

const lonLat = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .pipe(z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)]))

/** Every setting, from flags first, then environment variables, then defaults. */
const configSchema = z.object({
  dataDir: z.string().min(1).nullable(),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  accessToken: z.string().min(16, 'GCC_ACCESS_TOKEN must be at least 16 characters').nullable(),
  adminPassword: z.string().min(10, 'GCC_ADMIN_PASSWORD must be at least 10 characters').optional(),
  screen: z.coerce.number().int().min(0).nullable(),
  kiosk: z.boolean(),
  demoSeed: z.coerce.number().int().min(0).max(2 ** 31 - 1),
  demoScale: z.coerce.number().min(0.05).max(100),
  demoCenter: lonLat.or(z.tuple([z.number(), z.number()]))
})
export type AppConfig = z.infer<typeof configSchema>

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const flag = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * Reads `--data-dir`, `--host`, `--port`, `--access-token`, `--screen`, `--windowed`,
 * `--seed`, `--scale`, `--center` and their GCC_* environment variables. Unknown flags (such
 * as Chromium's) are ignored. A null dataDir means "the runtime's default".
 */
export function resolveConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): AppConfig {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'access-token': { type: 'string' },
      screen: { type: 'string' },
      windowed: { type: 'boolean' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      center: { type: 'string' }
    }
  })
  const parsed = configSchema.safeParse({
    dataDir: flag(values['data-dir']) ?? env['GCC_DATA_DIR'] ?? null,
    host: flag(values['host']) ?? env['GCC_HOST'] ?? '127.0.0.1',
    port: flag(values['port']) ?? env['GCC_PORT'] ?? 5180,
    accessToken: flag(values['access-token']) ?? env['GCC_ACCESS_TOKEN'] ?? null,
    adminPassword: env['GCC_ADMIN_PASSWORD'] || undefined,
    // Not --display: Chromium reads that one on Linux as the X display.
    screen: flag(values['screen']) ?? env['GCC_SCREEN'] ?? null,
    kiosk: !(values['windowed'] === true || env['GCC_WINDOWED'] === '1'),
    demoSeed: flag(values['seed']) ?? env['GCC_DEMO_SEED'] ?? DEFAULT_DEMO_SEED,
    demoScale: flag(values['scale']) ?? env['GCC_DEMO_SCALE'] ?? 1,
    demoCenter: flag(values['center']) ?? env['GCC_DEMO_CENTER'] ?? DEFAULT_DEMO_CENTER
  })
  if (!parsed.success) {
    throw new ConfigError(
      '配置无效 / invalid configuration: ' +
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    )
  }
  return parsed.data
}

export const databasePath = (dataDir: string): string => join(dataDir, DATABASE_FILE)
