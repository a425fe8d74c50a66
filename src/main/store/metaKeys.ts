/** The keys of the meta table: facts about the loaded district and how it was made. */
export const metaKeys = {
  demoSeed: 'demo.seed',
  demoScale: 'demo.scale',
  demoCenter: 'demo.center',
  demoGeneratedAt: 'demo.generatedAt',
  districtCode: 'district.code',
  districtName: 'district.name'
} as const
