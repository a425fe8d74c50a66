import { regionLevels } from '@shared/domain/region'
import { openDatabase, type Db, type OpenOptions } from './database'
import { AlertRepository } from './repositories/alerts'
import { AuditRepository } from './repositories/audit'
import { BuildingRepository } from './repositories/buildings'
import { CameraRepository } from './repositories/cameras'
import { DisputeRepository } from './repositories/disputes'
import { EventRepository } from './repositories/events'
import { EventAnalysisRepository } from './repositories/eventAnalysis'
import { EventStatsRepository } from './repositories/eventStats'
import { EmergencyResourceRepository } from './repositories/emergencyResources'
import { IncidentRepository } from './repositories/incidents'
import { MetaRepository } from './repositories/meta'
import { ModeRepository } from './repositories/modes'
import { OperatorRepository } from './repositories/operators'
import { RegionRepository } from './repositories/regions'
import { RingRepository } from './repositories/rings'
import { StaffRepository } from './repositories/staff'
import { WorkerActivityRepository } from './repositories/workerActivity'

/** The SQLite store: one repository per aggregate over one connection. */
export class Store {
  readonly meta: MetaRepository
  readonly regions: RegionRepository
  readonly buildings: BuildingRepository
  readonly cameras: CameraRepository
  readonly staff: StaffRepository
  readonly events: EventRepository
  /** Facts of disputes, graded by the dispute early warning (migration 8). */
  readonly disputes: DisputeRepository
  /** The wall's event statistics (docs/STATISTICS.md). */
  readonly eventStats: EventStatsRepository
  /** Per-worker activity for the worker ranking (windows kept by migration 4). */
  readonly workers: WorkerActivityRepository
  /** Hot-spot areas and hours, resident demands (windows kept by migration 9). */
  readonly analysis: EventAnalysisRepository
  readonly alerts: AlertRepository
  readonly operators: OperatorRepository
  readonly audit: AuditRepository
  readonly modes: ModeRepository
  /** Emergency mode's incidents and their log (migration 10, docs/EMERGENCY.md). */
  readonly incidents: IncidentRepository
  /** Shelters, supply points and the people of each building: part of the district. */
  readonly resources: EmergencyResourceRepository
  /** The ring analysis around an incident. */
  readonly rings: RingRepository

  constructor(readonly db: Db) {
    this.meta = new MetaRepository(db)
    this.regions = new RegionRepository(db)
    this.buildings = new BuildingRepository(db)
    this.cameras = new CameraRepository(db)
    this.staff = new StaffRepository(db)
    this.events = new EventRepository(db)
    this.disputes = new DisputeRepository(db)
    this.eventStats = new EventStatsRepository(db)
    this.workers = new WorkerActivityRepository(db)
    this.analysis = new EventAnalysisRepository(db)
    this.alerts = new AlertRepository(db)
    this.operators = new OperatorRepository(db)
    this.audit = new AuditRepository(db)
    this.modes = new ModeRepository(db)
    this.incidents = new IncidentRepository(db)
    this.resources = new EmergencyResourceRepository(db)
    this.rings = new RingRepository(db)
  }

  static open(path: string, options?: OpenOptions): Store {
    return new Store(openDatabase(path, options))
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  /** Removes the district and everything in it (operators, audit, mode and incident history stay). */
  clearDistrict(): void {
    this.transaction(() => {
      // The analysis windows first (derived, made again on the next read), so no event delete or insert has to keep them.
      for (const t of ['analysis_window_since', 'analysis_cells', 'analysis_hours']) this.db.exec(`DELETE FROM ${t}`)
      for (const t of ['camera_latest_alert', 'alerts', 'event_messages', 'event_transitions', 'events', 'staff', 'cameras', 'building_people', 'shelters', 'supply_points', 'buildings']) this.db.exec(`DELETE FROM ${t}`)
      // Children before parents (parent_code is a foreign key): deepest level first.
      const deleteLevel = this.db.prepare('DELETE FROM regions WHERE level = ?')
      for (const level of [...regionLevels].reverse()) deleteLevel.run(level)
    })
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
