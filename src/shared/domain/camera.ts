export const cameraSites = ['mainRoad', 'park', 'checkpoint', 'school', 'residential', 'market'] as const
export type CameraSite = (typeof cameraSites)[number]

export interface Camera {
  id: string
  name: string
  site: CameraSite
  gridCode: string
  lon: number
  lat: number
  online: boolean
}
