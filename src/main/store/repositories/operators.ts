import type { Db } from '../database'
import type { Operator, OperatorRole } from '@shared/domain/people'

interface Row {
  id: number
  username: string
  display_name: string
  role: OperatorRole
  password_hash: string
  disabled: number
  created_at: number
}

const toOperator = (r: Row): Operator => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at
})

export interface NewOperator {
  username: string
  displayName: string
  role: OperatorRole
  passwordHash: string
  createdAt: number
}

/** Local operator accounts. Only password hashes are stored. */
export class OperatorRepository {
  constructor(private readonly db: Db) {}

  insert(op: NewOperator): Operator {
    const info = this.db
      .prepare('INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(op.username, op.displayName, op.role, op.passwordHash, op.createdAt)
    return this.byId(Number(info.lastInsertRowid))!
  }

  byId(id: number): Operator | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM operators WHERE id = ?').get(id)
    return row ? toOperator(row) : null
  }

  /** The account and its password hash, for signing in. */
  credentials(username: string): { operator: Operator; passwordHash: string } | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM operators WHERE username = ?').get(username)
    return row ? { operator: toOperator(row), passwordHash: row.password_hash } : null
  }

  all(): Operator[] {
    return this.db.prepare<[], Row>('SELECT * FROM operators ORDER BY id').all().map(toOperator)
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n
  }
}
