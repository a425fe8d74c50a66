import type { Db } from '../database'
import type { Task, TaskStatus } from '@shared/domain/task'

const COLUMNS = `id, incident_id AS incidentId, assignee_kind AS assigneeKind, assignee_id AS assigneeId, assignee_name AS assigneeName,
  instruction, status, created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt, replied_at AS repliedAt, reply_note AS replyNote`

/** Tasks dispatched during incidents and the replies that moved them (migration 12). */
export class TaskRepository {
  constructor(private readonly db: Db) {}

  insert(t: Task): Task {
    this.db
      .prepare(
        `INSERT INTO tasks (id, incident_id, assignee_kind, assignee_id, assignee_name, instruction, status, created_at, created_by, updated_at, replied_at, reply_note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(t.id, t.incidentId, t.assigneeKind, t.assigneeId, t.assigneeName, t.instruction, t.status, t.createdAt, t.createdBy, t.updatedAt, t.repliedAt, t.replyNote)
    return t
  }

  get(id: string): Task | null {
    return this.db.prepare<[string], Task>(`SELECT ${COLUMNS} FROM tasks WHERE id = ?`).get(id) ?? null
  }

  /** The incident's tasks, oldest first. */
  ofIncident(incidentId: string): Task[] {
    return this.db.prepare<[string], Task>(`SELECT ${COLUMNS} FROM tasks WHERE incident_id = ? ORDER BY created_at, id`).all(incidentId)
  }

  /** A worker's name, or null when there is no such staff member. */
  staffName(staffId: string): string | null {
    return this.db.prepare<[string], { name: string }>('SELECT name FROM staff WHERE id = ?').get(staffId)?.name ?? null
  }

  count(incidentId: string): number {
    return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM tasks WHERE incident_id = ?').get(incidentId)!.n
  }

  replySeen(id: string): boolean {
    return this.db.prepare<[string], { n: number }>('SELECT 1 AS n FROM task_replies WHERE id = ?').get(id) !== undefined
  }

  /** Records a reply and moves the task to its status. */
  applyReply(r: { id: string; taskId: string; status: TaskStatus; at: number; actor: string; note: string | null }, receivedAt: number): void {
    this.db.prepare('INSERT INTO task_replies (id, task_id, status, at, actor, received_at) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.taskId, r.status, r.at, r.actor, receivedAt)
    this.db
      .prepare('UPDATE tasks SET status = ?, updated_at = ?, replied_at = ?, reply_note = coalesce(?, reply_note) WHERE id = ?')
      .run(r.status, receivedAt, r.at, r.note, r.taskId)
  }
}
