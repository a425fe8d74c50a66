/**
 * Drives any MQTT broker with realistic camera alerts:
 *   npm run simulate -- [--broker mqtt://host:1883] [--rate 50] [--burst 30] [--burst-every 60]
 *                       [--repeat 0.3] [--data-dir DIR | --cameras N] [--count N] [--duration S]
 * Progress goes to stderr, the summary to stdout. Exit code 0 on success, 1 on any error.
 */
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { databasePath, defaultDataDir } from '../config'
import { DEFAULT_DEMO_CENTER } from '../demo/options'
import { describeBroker } from '../mqtt/config'
import { CameraSimulator, connectSimulator, syntheticCameras, type SimCamera } from '../mqtt/simulator'
import { openDatabase } from '../store/database'
import { CameraRepository } from '../store/repositories/cameras'

const usage = `用法 / usage: npm run simulate -- [options]
  --broker       代理地址 / broker URL: mqtt://, mqtts://, ws://, wss:// (default mqtt://127.0.0.1:1883)
  --username     用户名 / user name (GCC_MQTT_USERNAME)
  --password     密码 / password; prefer the GCC_MQTT_PASSWORD environment variable
  --protocol     4 (MQTT 3.1.1, default) or 5
  --ca           CA 证书文件 / CA certificate file (PEM) for mqtts:// and wss://
  --insecure     不校验证书 / do not verify the broker's certificate
  --rate         每秒消息数 / messages per second, repeats included (default 5)
  --burst        每次突发消息数 / messages per burst (default 30; 0: no bursts)
  --burst-every  突发间隔秒数 / seconds between bursts (default 60; 0: none)
  --repeat       重复消息占比 / share of messages repeating an earlier track, 0–0.95 (default 0.3)
  --data-dir     从数据库读取摄像机 / read the cameras from this data directory's store (GCC_DATA_DIR)
  --cameras      合成摄像机数量 / use N synthetic cameras instead of the store's
  --count        发送 N 条新告警后结束 / stop after N new alerts, once all are acknowledged
  --duration     运行秒数 / stop after S seconds
  --seed         随机种子 / seed (default 1)
  --run-id       告警编号前缀 / id prefix: ids are sim-<run-id>-<seq> (default: the start time)
  --topic-prefix 主题前缀 / topic prefix (default alerts)`

const positive = (name: string) =>
  z.coerce.number({ error: `--${name} must be a number` }).refine(Number.isFinite, `--${name} must be a number`)

const optionsSchema = z.strictObject({
  broker: z
    .string()
    .refine((s) => URL.canParse(s) && /^(mqtts?|wss?):\/\//i.test(s), '--broker must be an mqtt://, mqtts://, ws:// or wss:// URL'),
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  protocol: z.enum(['4', '5'], '--protocol must be 4 or 5'),
  ca: z.string().min(1).optional(),
  insecure: z.boolean(),
  rate: positive('rate').pipe(z.number().min(0).max(100_000)),
  burst: positive('burst').pipe(z.number().int().min(0).max(100_000)),
  burstEvery: positive('burst-every').pipe(z.number().min(0).max(86_400)),
  repeat: positive('repeat').pipe(z.number().min(0).max(0.95)),
  dataDir: z.string().min(1).optional(),
  cameras: positive('cameras').pipe(z.number().int().min(1).max(100_000)).optional(),
  count: positive('count').pipe(z.number().int().min(1)).optional(),
  duration: positive('duration').pipe(z.number().min(0)).optional(),
  seed: positive('seed').pipe(z.number().int().min(0)),
  runId: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, '--run-id: letters, digits, _ . - only'),
  topicPrefix: z.string().regex(/^[^#+\0]+$/, '--topic-prefix must not contain wildcards')
})

class UsageError extends Error {}

function readCameras(dataDir: string | undefined, synthetic: number | undefined): { cameras: SimCamera[]; from: string } {
  if (synthetic !== undefined) return { cameras: syntheticCameras(synthetic, DEFAULT_DEMO_CENTER), from: `${synthetic} synthetic` }
  const dir = dataDir ?? defaultDataDir()
  const file = databasePath(dir)
  if (!existsSync(file)) {
    if (dataDir !== undefined) throw new UsageError(`没有数据库 / no store at ${file}; run \`npm run demo -- --data-dir ${dataDir}\` first, or use --cameras N`)
    return { cameras: syntheticCameras(200, DEFAULT_DEMO_CENTER), from: '200 synthetic (no store found)' }
  }
  // Read-only, and only the cameras: the app may be running on the same store.
  const db = openDatabase(file, { readonly: true })
  try {
    const cameras = new CameraRepository(db).all().filter((c) => c.online)
    if (cameras.length === 0) throw new UsageError(`数据库中没有在线摄像机 / the store at ${file} has no online cameras`)
    return { cameras, from: `${cameras.length} from ${file}` }
  } finally {
    db.close()
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      broker: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      protocol: { type: 'string' },
      ca: { type: 'string' },
      insecure: { type: 'boolean' },
      rate: { type: 'string' },
      burst: { type: 'string' },
      'burst-every': { type: 'string' },
      repeat: { type: 'string' },
      'data-dir': { type: 'string' },
      cameras: { type: 'string' },
      count: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      'run-id': { type: 'string' },
      'topic-prefix': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help === true) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const env = process.env
  const parsed = optionsSchema.safeParse({
    broker: values.broker ?? 'mqtt://127.0.0.1:1883',
    username: values.username ?? (env['GCC_MQTT_USERNAME'] || undefined),
    password: values.password ?? (env['GCC_MQTT_PASSWORD'] || undefined),
    protocol: values.protocol ?? '4',
    ca: values.ca,
    insecure: values.insecure === true,
    rate: values.rate ?? 5,
    burst: values.burst ?? 30,
    burstEvery: values['burst-every'] ?? 60,
    repeat: values.repeat ?? 0.3,
    dataDir: values['data-dir'] ?? (env['GCC_DATA_DIR'] || undefined),
    cameras: values.cameras,
    count: values.count,
    duration: values.duration,
    seed: values.seed ?? 1,
    runId: values['run-id'] ?? Date.now().toString(36),
    topicPrefix: values['topic-prefix'] ?? 'alerts'
  })
  if (!parsed.success) throw new UsageError(`参数无效 / invalid options: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
  const o = parsed.data
  const { cameras, from } = readCameras(o.dataDir, o.cameras)
  const broker = describeBroker(o.broker)
  process.stderr.write(`摄像机 / cameras: ${from}\n代理 / broker: ${broker}, run ${o.runId}, ${o.rate}/s\n`)

  const link = connectSimulator({
    url: o.broker,
    ...(o.username !== undefined ? { username: o.username } : {}),
    ...(o.password !== undefined ? { password: o.password } : {}),
    protocolVersion: o.protocol === '5' ? 5 : 4,
    clientId: `gcc-sim-${o.runId}`,
    tls: o.ca !== undefined || o.insecure ? { rejectUnauthorized: !o.insecure, ...(o.ca !== undefined ? { ca: readFileSync(o.ca) } : {}) } : null
  })
  link.client.on('connect', () => process.stderr.write(`已连接 / connected to ${broker}\n`))
  link.client.on('offline', () => process.stderr.write(`离线，重连中 / offline, reconnecting to ${broker}\n`))
  link.client.on('error', (err) => process.stderr.write(`代理错误 / broker error: ${err.message}\n`))

  const sim = new CameraSimulator({
    cameras,
    runId: o.runId,
    seed: o.seed,
    repeatShare: o.repeat,
    topicPrefix: o.topicPrefix,
    rate: o.rate,
    burstSize: o.burst,
    burstEvery: o.burstEvery,
    ...(o.count !== undefined ? { count: o.count } : {}),
    publish: link.publish
  })
  const started = Date.now()
  const progress = setInterval(() => {
    const s = sim.stats()
    process.stderr.write(`sent ${s.sent} (new ${s.newAlerts}, repeats ${s.repeats}, bursts ${s.bursts}) acked ${s.acked} in flight ${s.inFlight} dropped ${s.dropped}\n`)
  }, 5000)
  const stop = (): void => void sim.stop()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const timer = o.duration !== undefined ? setTimeout(stop, o.duration * 1000) : null
  sim.start()
  try {
    await sim.finished
  } finally {
    clearInterval(progress)
    if (timer !== null) clearTimeout(timer)
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    await link.close()
  }
  const s = sim.stats()
  process.stdout.write(
    `模拟结束 / simulation finished: ${s.sent} messages (${s.newAlerts} new alerts sim-${o.runId}-1…${s.newAlerts}, ` +
      `${s.repeats} repeats, ${s.bursts} bursts) to ${broker} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `acknowledged ${s.acked}, failed ${s.failed}, dropped ${s.dropped}\n`
  )
  return s.failed > 0 || s.acked < s.sent ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err)
    const known = err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    process.stderr.write(known ? `${message}\n${known && !(err instanceof UsageError) ? usage + '\n' : ''}` : `模拟失败 / simulation failed: ${message}\n`)
    process.exitCode = 1
  }
)
