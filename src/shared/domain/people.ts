/** Grid teams (网格队伍). */
export const staffRoles = ['gridChief', 'gridWorker', 'partTimeWorker', 'deptStaff', 'vanguardTeam'] as const
export type StaffRole = (typeof staffRoles)[number]

export const dutyStatuses = ['onDuty', 'offDuty', 'leave'] as const
export type DutyStatus = (typeof dutyStatuses)[number]

export interface Staff {
  id: string
  name: string
  role: StaffRole
  gridCode: string
  phone: string
  dutyStatus: DutyStatus
  /** Last known position, WGS-84. */
  lon: number | null
  lat: number | null
}

/** Operators of this application, from least to most privileged. */
export const operatorRoles = ['viewer', 'dutyOfficer', 'dispatcher', 'admin'] as const
export type OperatorRole = (typeof operatorRoles)[number]

/** Each role holds every right of the roles before it. */
export function roleAtLeast(actual: OperatorRole, required: OperatorRole): boolean {
  return operatorRoles.indexOf(actual) >= operatorRoles.indexOf(required)
}

export interface Operator {
  id: number
  username: string
  displayName: string
  role: OperatorRole
  disabled: boolean
  createdAt: number
}
