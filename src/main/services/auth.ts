import type { Operator, OperatorRole } from '@shared/domain/people'
import { ApiError } from '@shared/api/errors'
import type { Store } from '../store/store'
import { generatePassword, hashPassword, verifyPassword } from './passwords'

/** Operator accounts: sign-in, creation, and the first admin. */
export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now
  ) {}

  /** Checks a username and password; the same message for an unknown user and a wrong password. */
  async verify(username: string, password: string): Promise<Operator> {
    const found = this.store.operators.credentials(username)
    // Hash even for an unknown user, so timing does not tell which usernames exist.
    const ok = found ? await verifyPassword(password, found.passwordHash) : (await hashPassword(password), false)
    if (!found || !ok) throw new ApiError('UNAUTHENTICATED', '用户名或密码错误 / wrong username or password')
    if (found.operator.disabled) throw new ApiError('FORBIDDEN', '该账号已停用 / this account is disabled')
    return found.operator
  }

  async create(input: { username: string; displayName: string; role: OperatorRole; password: string }): Promise<Operator> {
    if (this.store.operators.credentials(input.username)) {
      throw new ApiError('CONFLICT', `用户名已存在 / username "${input.username}" is taken`)
    }
    return this.store.operators.insert({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: this.now()
    })
  }

  /**
   * On first start (no operator yet) creates `admin` with the password from the environment, or a
   * generated one returned so the caller can show it once. Returns null when operators exist.
   */
  async ensureFirstAdmin(passwordFromEnv: string | undefined): Promise<{ username: string; password: string | null } | null> {
    if (this.store.operators.count() > 0) return null
    const password = passwordFromEnv && passwordFromEnv.length > 0 ? passwordFromEnv : generatePassword()
    await this.create({ username: 'admin', displayName: '系统管理员', role: 'admin', password })
    return { username: 'admin', password: passwordFromEnv ? null : password }
  }
}
