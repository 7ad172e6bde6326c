/**
 * Who sees and edits which resources rows: a township officer the rows whose `division_code`
 * lies in the township, an enterprise user only its own enterprise's rows.
 */
import { sql, type SQL } from 'drizzle-orm'
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { assertInJurisdiction, type Actor, type Role } from '../../../http/access.ts'
import { forbidden } from '../../../http/errors.ts'
import { parseDivisionCode } from '../../geo/index.ts'

/** Roles that maintain depots, stock and teams (within their jurisdiction). */
export const writerRoles = ['admin', 'duty_officer', 'department', 'township'] as const satisfies readonly Role[]
/** Writers plus enterprise users, who maintain their own enterprise's reserves and teams. */
export const writerOrEnterpriseRoles = [...writerRoles, 'enterprise'] as const satisfies readonly Role[]

export interface Scope {
  /** Division code prefix the rows must start with. */
  prefix: string
  /** Enterprise users: only rows of this enterprise (`null` for everyone else). */
  enterpriseId: string | null
  isEnterprise: boolean
}

/**
 * The rows a list may show: the caller's jurisdiction, narrowed by `?divisionCode=` when given.
 * A filter outside the jurisdiction is a 403, not an empty page.
 */
export function listScope(actor: Actor, rawDivisionCode: string | undefined): Scope {
  let prefix = divisionPrefix(actor.jurisdiction)
  if (rawDivisionCode !== undefined) {
    const code = parseDivisionCode(rawDivisionCode, 'querystring.divisionCode')
    if (isWithinDivision(code, actor.jurisdiction)) prefix = divisionPrefix(code)
    else if (!isWithinDivision(actor.jurisdiction, code)) throw forbidden('该行政区划不在您的管辖范围内', 'That division is outside your jurisdiction')
  }
  const isEnterprise = actor.role === 'enterprise'
  return { prefix, enterpriseId: isEnterprise ? actor.enterpriseId : null, isEnterprise }
}

/**
 * The WHERE condition of a scope on a table alias. Tables without an enterprise column show an
 * enterprise user nothing.
 */
export function scopeCondition(scope: Scope, alias: string, hasEnterprise: boolean): SQL {
  const division = sql`${sql.raw(alias)}.division_code LIKE ${`${scope.prefix}%`}`
  if (!scope.isEnterprise) return division
  if (!hasEnterprise || !scope.enterpriseId) return sql`false`
  return sql`${division} AND ${sql.raw(alias)}.enterprise_id = ${scope.enterpriseId}::uuid`
}

/** A row the actor may see: within the jurisdiction and, for enterprise users, their own. */
export function canSee(actor: Actor, row: { divisionCode: string; enterpriseId?: string | null }): boolean {
  if (!isWithinDivision(row.divisionCode, actor.jurisdiction)) return false
  if (actor.role !== 'enterprise') return true
  return row.enterpriseId !== undefined && row.enterpriseId !== null && row.enterpriseId === actor.enterpriseId
}

/** Throws 403 unless the actor may write a row in this division (and of this enterprise). */
export function assertCanWrite(actor: Actor, row: { divisionCode: string; enterpriseId?: string | null }): void {
  assertInJurisdiction(actor, row.divisionCode)
  if (actor.role === 'enterprise' && (!actor.enterpriseId || row.enterpriseId !== actor.enterpriseId)) {
    throw forbidden('企业用户只能维护本企业的数据', 'Enterprise users may only maintain their own enterprise\'s records')
  }
}

export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)
export const nameLike = (q: string | undefined) => (q && q.trim() ? `%${likeEscape(q.trim())}%` : null)

export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize
