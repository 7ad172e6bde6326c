/**
 * Who sees and edits which enterprise: officers their division subtree (管辖范围), enterprise
 * users their own enterprise only; api_client and commander read only (routes declare roles).
 */
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Actor, Role } from '../../../http/access.ts'
import { forbidden } from '../../../http/errors.ts'
import type { Scope } from './queries.ts'

/** Roles that may write enterprise data (enterprise users: their own enterprise only). */
export const writerRoles = ['admin', 'duty_officer', 'department', 'township', 'enterprise'] as const satisfies readonly Role[]
/** Roles that may create, delete and import enterprises. */
export const officerRoles = ['admin', 'duty_officer', 'department', 'township'] as const satisfies readonly Role[]

export function scopeOf(actor: Actor): Scope {
  return actor.role === 'enterprise'
    ? { kind: 'enterprise', id: actor.enterpriseId }
    : { kind: 'division', prefix: divisionPrefix(actor.jurisdiction) }
}

/** 403 unless the actor may see this enterprise. */
export function assertMayAccess(actor: Actor, enterprise: { id: string; division_code: string }): void {
  if (actor.role === 'enterprise') {
    if (actor.enterpriseId !== enterprise.id) throw forbidden('只能查看和维护本企业的数据', 'You may only see and edit your own enterprise')
    return
  }
  if (!isWithinDivision(enterprise.division_code, actor.jurisdiction)) {
    throw forbidden('该企业不在您的管辖范围内', 'That enterprise is outside your jurisdiction')
  }
}
