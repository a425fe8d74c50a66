/** The keys of the meta table: facts about the loaded district and how it was made, and the center's settings. */
export const metaKeys = {
  demoSeed: 'demo.seed',
  demoScale: 'demo.scale',
  demoCenter: 'demo.center',
  demoGeneratedAt: 'demo.generatedAt',
  districtCode: 'district.code',
  districtName: 'district.name',
  /** The due-soon (临期) window in minutes, set by an administrator (events.configureSupervision). */
  dueSoonMinutes: 'supervision.dueSoonMinutes',
  /** Minutes without a reply before a dispatched task is highlighted, per incident level, as JSON (tasks.configure). */
  taskNoReplyMinutes: 'tasks.noReplyMinutes'
} as const
