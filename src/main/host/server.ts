import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import { ACCESS_TOKEN_HEADER, HTTP_API_PREFIX, WS_EVENTS_PATH } from '@shared/api/channels'
import type { ApiErrorCode, ApiResult } from '@shared/api/errors'
import { ConfigError } from '../config'
import type { Core } from '../services/core'
import { answerTileRequest, type TileService } from '../tiles'
import { isLoopbackHost, tokenMatches } from './accessToken'
import { securityHeaders } from '@shared/securityHeaders'
import { BRIEFING_FILES_PATH } from '@shared/briefing/spec'
import { IMPORT_BASE64_MAX } from '@shared/import/api'

export interface HostOptions {
  core: Core
  /** Built renderer (out/renderer). */
  rendererDir: string
  host: string
  port: number
  accessToken: string | null
  log: (line: string) => void
  /** The basemap's tiles on GET /tiles/:z/:x/:y (public, like the renderer files); none: 204. */
  tiles?: TileService
}

export interface HostServer {
  url: string
  /** The port it listens on (the one chosen when asked for 0). */
  port: number
  close(): Promise<void>
}

const httpStatus: Record<ApiErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500
}

const bearer = (req: FastifyRequest): string | null => {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null
}

/**
 * The browser host: the same services under Node, serving the built renderer and the API contract
 * over HTTP (calls) and WebSocket (pushed events). Loopback by default; any other address needs
 * an access token.
 */
export async function startHostServer(o: HostOptions): Promise<HostServer> {
  if (!isLoopbackHost(o.host) && !o.accessToken) {
    throw new ConfigError(
      `绑定非本机地址 ${o.host} 需要访问令牌 / binding ${o.host} (not loopback) requires an access token: ` +
        'set GCC_ACCESS_TOKEN or --access-token (at least 16 characters)'
    )
  }
  if (!existsSync(join(o.rendererDir, 'index.html'))) {
    throw new ConfigError(`找不到界面文件 / the renderer is not built (${o.rendererDir}): run \`npm run build\` first`)
  }
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 })
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } })

  const refuse = (reply: FastifyReply, code: ApiErrorCode, message: string): FastifyReply =>
    reply.code(httpStatus[code]).send({ ok: false, error: { code, message } } satisfies ApiResult)

  app.addHook('onRequest', async (req, reply) => {
    for (const [k, v] of Object.entries(securityHeaders)) reply.header(k, v)
    if (o.accessToken && (req.url.startsWith(HTTP_API_PREFIX) || req.url.startsWith(BRIEFING_FILES_PATH))) {
      const query = req.query as Record<string, string | undefined>
      const presented = (req.headers[ACCESS_TOKEN_HEADER] as string | undefined) ?? query['access_token']
      if (!tokenMatches(presented, o.accessToken)) {
        return refuse(reply, 'UNAUTHENTICATED', '缺少或错误的访问令牌 / missing or wrong access token')
      }
    }
    return undefined
  })

  app.get('/healthz', async () => ({ ok: true }))

  app.get<{ Params: { z: string; x: string; y: string } }>('/tiles/:z/:x/:y', async (req, reply) => {
    const answer = await answerTileRequest(o.tiles, req.params.z, req.params.x, req.params.y)
    reply.code(answer.status).headers(answer.headers)
    return answer.body === null ? reply.send() : reply.send(answer.body)
  })

  // Camera snapshots through our origin (behind the access token like the API; an <img> sends it in the query).
  app.get<{ Params: { id: string } }>(`${HTTP_API_PREFIX}snapshots/:id`, async (req, reply) => {
    const answer = await o.core.snapshots.answer(req.params.id)
    if (answer.status !== 200) return reply.code(answer.status).type('text/plain; charset=utf-8').send(answer.message ?? '')
    return reply.code(200).header('content-type', answer.contentType!).header('cache-control', 'private, max-age=3600').send(Buffer.from(answer.body!))
  })

  // Exported briefing images (docs/BRIEFINGS.md), behind the access token like the API.
  app.get<{ Params: { file: string } }>(`${BRIEFING_FILES_PATH}:file`, async (req, reply) => {
    const path = o.core.briefings.service.file(req.params.file)
    if (!path) return reply.code(404).type('text/plain; charset=utf-8').send('没有该简报 / no such briefing')
    return reply
      .code(200)
      .header('content-type', 'image/png')
      .header('content-disposition', `inline; filename="${req.params.file}"`)
      .header('cache-control', 'private, max-age=3600')
      .send(await readFile(path))
  })

  const call = async (req: FastifyRequest, reply: FastifyReply, method: string): Promise<FastifyReply> => {
    const result = await o.core.dispatcher.handle({ sessionKey: bearer(req), issuesTokens: true }, method, req.body ?? {})
    return reply.code(result.ok ? 200 : httpStatus[result.error.code]).send(result)
  }
  app.post<{ Params: { method: string } }>(`${HTTP_API_PREFIX}:method`, (req, reply) => call(req, reply, req.params.method))
  // District imports carry their files as base64 (docs/IMPORT.md): only these two routes take large bodies.
  for (const method of ['import.preview', 'import.apply'] as const) {
    app.post(
      `${HTTP_API_PREFIX}${method}`,
      {
        bodyLimit: IMPORT_BASE64_MAX + 1024 * 1024,
        // Refused before the body is read when no one is signed in (the dispatcher checks the role and audits).
        onRequest: async (req, reply) => {
          if (o.core.sessions.operatorId(bearer(req)) === null) return refuse(reply, 'UNAUTHENTICATED', '请先登录 / sign in first')
          return undefined
        }
      },
      (req, reply) => call(req, reply, method)
    )
  }

  app.get(WS_EVENTS_PATH, { websocket: true }, (socket) => {
    const send = (event: string, payload: unknown): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload }))
    }
    const off = o.core.hub.onAny(send)
    send('status', o.core.status())
    socket.on('message', () => socket.close(1008, 'this socket only pushes'))
    socket.on('close', off)
    socket.on('error', off)
  })

  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode ?? 500
    if (status >= 500) o.log(`[host] ${err.message}`)
    const code: ApiErrorCode = status === 413 || status === 400 || status === 415 ? 'BAD_INPUT' : status < 500 ? 'NOT_FOUND' : 'INTERNAL'
    return refuse(reply, code, status < 500 ? `请求无效 / bad request: ${err.message}` : '内部错误 / internal error')
  })

  await app.register(fastifyStatic, { root: o.rendererDir, index: 'index.html', wildcard: true })

  const address = await app.listen({ host: o.host, port: o.port })
  o.log(`[host] 指挥中心大屏 / the wall is at ${address}/${o.accessToken ? '?access_token=…' : ''}`)
  return {
    url: address,
    port: (app.server.address() as AddressInfo).port,
    close: async () => {
      for (const client of app.websocketServer.clients) client.terminate()
      await app.close()
    }
  }
}
