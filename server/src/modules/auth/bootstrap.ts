/** First start: make sure an administrator exists (never with a fixed default password). */
import type { Platform } from '../../platform.ts'
import { recordAudit } from './audit.ts'
import { assertPasswordPolicy, generatePassword, hashPassword } from './passwords.ts'
import { findUserByUsername, insertUser } from './queries.ts'
import { auditableUser } from './views.ts'

export const adminUsername = 'admin'
/** The whole county of Leping (乐平市). */
export const adminJurisdiction = '360281000000'

/**
 * Creates `admin` when missing: with `config.adminPassword` when set (usable at once),
 * otherwise with a random one-time password that is returned for the console and must be
 * changed at first login.
 */
export async function ensureAdmin(platform: Platform): Promise<{ generatedPassword: string | null }> {
  const { db, config } = platform
  if (await findUserByUsername(db, adminUsername)) return { generatedPassword: null }
  if (config.adminPassword !== undefined) assertPasswordPolicy(config.adminPassword, 'YINGJI_ADMIN_PASSWORD')
  const generatedPassword = config.adminPassword === undefined ? generatePassword() : null
  const passwordHash = await hashPassword(config.adminPassword ?? generatedPassword!)
  await db.transaction(async (tx) => {
    const admin = await insertUser(tx, {
      username: adminUsername, displayName: '系统管理员', passwordHash, role: 'admin',
      jurisdiction: adminJurisdiction, enterpriseId: null, mustChangePassword: generatedPassword !== null,
    })
    await recordAudit(tx, { actor: null, action: 'user.create', entity: 'user', entityId: admin.id, after: auditableUser(admin) })
  })
  return { generatedPassword }
}
