/**
 * When a briefing page has finished drawing (docs/BRIEFINGS.md, "Readiness"): the capturer takes
 * the picture only after `<html data-briefing-ready="true">`, never a half-drawn map or chart.
 * Ready means, twice in a row a few frames apart: the fonts are loaded, every map has rendered its
 * tiles after its last fit (`data-settled`), every named panel shows its data (`data-ready`, a
 * chart's after its `finished` render), and every image has loaded or failed.
 */
export function pendingParts(doc: Document): string[] {
  const pending: string[] = []
  if (doc.fonts && doc.fonts.status !== 'loaded') pending.push('fonts')
  for (const map of doc.querySelectorAll<HTMLElement>('[data-testid="district-map"]')) {
    if (map.dataset['ready'] !== 'true' || map.dataset['settled'] !== 'true') pending.push('map')
  }
  for (const panel of doc.querySelectorAll<HTMLElement>('section.wall-panel[data-ready]')) {
    if (panel.dataset['ready'] !== 'true') pending.push(panel.dataset['testid'] ?? 'panel')
  }
  for (const img of doc.images) if (!img.complete) pending.push('image')
  if (doc.querySelector('[data-testid="district-map"], section.wall-panel') === null) pending.push('content')
  return pending
}

export interface BriefingReadiness {
  stop(): void
}

/**
 * Marks the page ready (`data-briefing-ready="true"`) once `pendingParts` has been empty on two
 * checks `intervalMs` apart; until then `data-briefing-pending` names what is still drawing (a
 * capture that times out says what it waited for). A failure (`fail`) marks it `error`.
 */
export function watchReadiness(doc: Document, intervalMs = 250): BriefingReadiness & { fail(message: string): void } {
  const root = doc.documentElement
  let calm = 0
  let timer: ReturnType<typeof setInterval> | null = setInterval(check, intervalMs)
  root.dataset['briefingReady'] = 'false'

  function check(): void {
    const pending = pendingParts(doc)
    root.dataset['briefingPending'] = [...new Set(pending)].join(' ')
    calm = pending.length === 0 ? calm + 1 : 0
    if (calm >= 2) {
      root.dataset['briefingReady'] = 'true'
      stop()
    }
  }
  function stop(): void {
    if (timer !== null) clearInterval(timer)
    timer = null
  }
  return {
    stop,
    fail(message) {
      stop()
      root.dataset['briefingReady'] = 'error'
      root.dataset['briefingError'] = message
    }
  }
}
