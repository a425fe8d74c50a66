import { computed, onBeforeUnmount, ref, type Ref } from 'vue'
import { shanghaiParts, shanghaiWeekday } from '@shared/time'

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type WeekdayKey = (typeof weekdayKeys)[number]

const pad = (n: number): string => String(n).padStart(2, '0')

/** What the wall clock shows for an instant, in Asia/Shanghai whatever the machine's zone. */
export function clockFace(at: number): { date: string; weekday: WeekdayKey; time: string } {
  const p = shanghaiParts(at)
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    weekday: weekdayKeys[shanghaiWeekday(at)]!,
    time: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
  }
}

/** "HH:mm" in Shanghai; with the date when it is not the same Shanghai day as `now`. */
export function formatAsOf(at: number, now: number): string {
  const a = shanghaiParts(at)
  const n = shanghaiParts(now)
  const hm = `${pad(a.hour)}:${pad(a.minute)}`
  const sameDay = a.year === n.year && a.month === n.month && a.day === n.day
  return sameDay ? hm : `${a.year}-${pad(a.month)}-${pad(a.day)} ${hm}`
}

/**
 * The current time (epoch ms, corrected by `offsetMs` = server − local clock), ticking on each
 * second boundary. The timer is cleared when the owning component unmounts.
 */
export function useClock(offsetMs: Ref<number>) {
  const local = ref(Date.now())
  let timer: ReturnType<typeof setTimeout> | undefined

  function tick(): void {
    local.value = Date.now()
    const now = local.value + offsetMs.value
    timer = setTimeout(tick, 1000 - (((now % 1000) + 1000) % 1000) + 5)
  }
  tick()
  onBeforeUnmount(() => clearTimeout(timer))

  const now = computed(() => local.value + offsetMs.value)
  const face = computed(() => clockFace(now.value))
  return { now, face }
}
