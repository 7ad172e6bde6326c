/**
 * Who may call a route. Every /api route declares its access in `config.access`; the auth
 * guard (modules/auth/guard.ts) enforces roles, and services check jurisdiction (a division
 * subtree) with `assertInJurisdiction`.
 */
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { forbidden } from './errors.ts'

export const roles = [
  'admin', // 系统管理员
  'duty_officer', // 值班员
  'commander', // 指挥长
  'department', // 部门人员
  'township', // 乡镇人员
  'village', // 村（社区）信息员
  'enterprise', // 企业用户
  'api_client', // 接口客户端（机器）
] as const
export type Role = (typeof roles)[number]

export const roleNames: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  duty_officer: { zh: '值班员', en: 'Duty officer' },
  commander: { zh: '指挥长', en: 'Commander' },
  department: { zh: '部门人员', en: 'Department staff' },
  township: { zh: '乡镇人员', en: 'Township officer' },
  village: { zh: '村（社区）信息员', en: 'Village information officer' },
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  api_client: { zh: '接口客户端', en: 'API client' },
}

/** The authenticated caller: a logged-in user or a machine with an API key. */
export interface Actor {
  kind: 'user' | 'api_key'
  id: string
  name: string
  role: Role
  /** 12-digit division code: the root of the subtree this actor may see. */
  jurisdiction: string
  /** For enterprise users: the enterprise they belong to. */
  enterpriseId: string | null
}

/**
 * A route's access: `'public'` needs no session (health, login, docs, /public/*);
 * `'authenticated'` any actor; otherwise the list of roles allowed.
 */
export type Access = 'public' | 'authenticated' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    actor: Actor | null
  }
}

/** Throws 403 unless `divisionCode` lies in the actor's jurisdiction. */
export function assertInJurisdiction(actor: Actor, divisionCode: string): void {
  if (!isWithinDivision(divisionCode, actor.jurisdiction)) {
    throw forbidden('该行政区划不在您的管辖范围内', 'That division is outside your jurisdiction')
  }
}

/** The actor of an authenticated route (the guard has run). */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('actorOf called on a route without authentication')
  return request.actor
}
