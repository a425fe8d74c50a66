import { briefingSpecSchema, type BriefingSpec } from './spec'

/**
 * The briefing page is the normal renderer URL with `?briefing=<spec as JSON>`, percent-encoded
 * like any query value (a few hundred characters: well inside every URL limit).
 */
export const BRIEFING_QUERY_PARAM = 'briefing'

/** `briefing=<encoded JSON>`, to append to the renderer's URL after `?`. */
export function encodeBriefingQuery(spec: BriefingSpec): string {
  return `${BRIEFING_QUERY_PARAM}=${encodeURIComponent(JSON.stringify(briefingSpecSchema.parse(spec)))}`
}

export type DecodedBriefing = { ok: true; spec: BriefingSpec } | { ok: false; error: string }

/** The spec in a `briefing` query value (as URLSearchParams gives it, decoded), validated; never throws. */
export function decodeBriefingParam(value: string): DecodedBriefing {
  let json: unknown
  try {
    json = JSON.parse(value)
  } catch (err) {
    return { ok: false, error: `简报参数无法解码 / the briefing parameter does not decode: ${(err as Error).message}` }
  }
  const parsed = briefingSpecSchema.safeParse(json)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ')
    return { ok: false, error: `简报参数无效 / invalid briefing spec — ${detail}` }
  }
  return { ok: true, spec: parsed.data }
}
