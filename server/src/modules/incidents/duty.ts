/**
 * The duty roster (值班): shifts of 带班领导 (leader) and 值班员 (officer) per division, handover
 * notes (交接班记录), and who is on duty now — the default recipient of alarm and incident
 * notifications (`onDutyNow`).
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { divisionPrefix, isWithinDivision, parentDivisionCode } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { assertInJurisdiction, roleNames as accountRoleNames, type Actor, type Role } from '../../http/access.ts'
import { invalid } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { divisionNames, divisionPlaces, parseDivisionCode } from '../geo/index.ts'
import { iso } from './incident.ts'
import type { HandoverBody, ShiftBody, ShiftQuery } from './schemas.ts'

export interface DutyShift {
  id: string
  divisionCode: string
  divisionName: string | null
  role: 'leader' | 'officer'
  roleName: string
  userId: string | null
  personName: string
  phone: string | null
  startsAt: string
  endsAt: string
  synthetic: boolean
}

interface ShiftRow { id: string; division_code: string; role: 'leader' | 'officer'; user_id: string | null; person_name: string; phone: string | null; starts_at: Date | string; ends_at: Date | string; synthetic: boolean }

const roleNames = { leader: '带班领导', officer: '值班员' } as const

async function shiftViews(q: Queryable, rows: ShiftRow[]): Promise<DutyShift[]> {
  const names = await divisionNames(q, rows.map((r) => r.division_code))
  return rows.map((r) => ({
    id: r.id, divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? null, role: r.role, roleName: roleNames[r.role],
    userId: r.user_id, personName: r.person_name, phone: r.phone, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), synthetic: r.synthetic,
  }))
}

const shiftColumns = sql`id, division_code, role, user_id, person_name, phone, starts_at, ends_at, synthetic`

/**
 * Who is on duty at `at` for `divisionCode`: the shifts of that division, or — when it has none
 * then — of the nearest division above it that has (a village falls back to its township, the
 * township to the county). Leaders first.
 */
export async function onDutyNow(q: Queryable, at: Date, divisionCode: string): Promise<DutyShift[]> {
  for (let code: string | null = divisionCode; code !== null; code = parentDivisionCode(code)) {
    const rows = await queryRows<ShiftRow>(q, sql`
      SELECT ${shiftColumns} FROM incidents.duty_shifts
      WHERE division_code = ${code} AND starts_at <= ${at.toISOString()} AND ends_at > ${at.toISOString()}
      ORDER BY CASE role WHEN 'leader' THEN 0 ELSE 1 END, starts_at`)
    if (rows.length > 0) return shiftViews(q, rows)
  }
  return []
}

export async function dutyNow(db: Db, actor: Actor, query: Static<typeof import('./schemas.ts').DutyNowQuery>) {
  const code = query.divisionCode === undefined ? actor.jurisdiction : parseDivisionCode(query.divisionCode, 'querystring.divisionCode')
  assertInJurisdiction(actor, code)
  const at = query.at ? new Date(query.at) : new Date()
  const shifts = await onDutyNow(db, at, code)
  return { at: at.toISOString(), divisionCode: code, leader: shifts.find((s) => s.role === 'leader') ?? null, officers: shifts.filter((s) => s.role === 'officer'), shifts }
}

export async function listShifts(db: Db, actor: Actor, query: Static<typeof ShiftQuery>) {
  const root = query.divisionCode === undefined ? actor.jurisdiction : parseDivisionCode(query.divisionCode, 'querystring.divisionCode')
  assertInJurisdiction(actor, root)
  const from = query.from ? new Date(query.from) : new Date(Date.now() - 7 * 86_400_000)
  const to = query.to ? new Date(query.to) : new Date(Date.now() + 7 * 86_400_000)
  if (to <= from) throw invalid('invalid_range', 'querystring.to', 'querystring.to 应晚于 from', 'querystring.to must be after from')
  const rows = await queryRows<ShiftRow>(db, sql`
    SELECT ${shiftColumns} FROM incidents.duty_shifts
    WHERE division_code LIKE ${divisionPrefix(root) + '%'} AND ends_at > ${from.toISOString()} AND starts_at < ${to.toISOString()}
    ORDER BY starts_at, CASE role WHEN 'leader' THEN 0 ELSE 1 END LIMIT 2000`)
  return { items: await shiftViews(db, rows) }
}

async function knownDivision(q: Queryable, actor: Actor, raw: string, field: string): Promise<string> {
  const code = parseDivisionCode(raw, field)
  if (!(await divisionPlaces(q, [code])).has(code)) throw invalid('unknown_division', field, `${field} 不是已登记的行政区划：${raw}`, `${field} is not a known division: ${raw}`)
  assertInJurisdiction(actor, code)
  return code
}

export async function insertShift(q: Queryable, actor: Actor | null, s: { divisionCode: string; role: 'leader' | 'officer'; userId: string | null; personName: string; phone: string | null; startsAt: string; endsAt: string; synthetic?: boolean }): Promise<string> {
  const id = crypto.randomUUID()
  await q.execute(sql`
    INSERT INTO incidents.duty_shifts (id, division_code, role, user_id, person_name, phone, starts_at, ends_at, synthetic, created_by_name)
    VALUES (${id}, ${s.divisionCode}, ${s.role}, ${s.userId}, ${s.personName}, ${s.phone}, ${s.startsAt}, ${s.endsAt}, ${s.synthetic ?? false}, ${actor?.name ?? '系统'})`)
  return id
}

/** Accounts that can stand a shift: people of the public bodies, not enterprises or machines. */
const dutyAccountRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township', 'village']

/**
 * The accounts the caller may put on the roster: enabled, within the caller's jurisdiction.
 * auth.users is read directly (read-only), as the shift's user check does: auth exports no lookup.
 */
export async function dutyPeople(db: Db, actor: Actor) {
  const rows = await queryRows<{ id: string; display_name: string; role: Role; jurisdiction: string }>(db, sql`
    SELECT id, display_name, role, jurisdiction FROM auth.users
    WHERE NOT disabled AND role IN (${sql.join(dutyAccountRoles.map((r) => sql`${r}`), sql`, `)}) AND jurisdiction LIKE ${divisionPrefix(actor.jurisdiction) + '%'}
    ORDER BY display_name, id`)
  const names = await divisionNames(db, rows.map((r) => r.jurisdiction))
  return {
    items: rows.map((r) => ({
      id: r.id, displayName: r.display_name, role: r.role, roleName: accountRoleNames[r.role]?.zh ?? r.role, roleNameEn: accountRoleNames[r.role]?.en ?? r.role,
      jurisdiction: r.jurisdiction, jurisdictionName: names.get(r.jurisdiction) ?? null,
    })),
  }
}

export async function createShift(db: Db, actor: Actor, body: Static<typeof ShiftBody>): Promise<DutyShift> {
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) throw invalid('invalid_range', 'body.endsAt', 'body.endsAt 应晚于 startsAt', 'body.endsAt must be after startsAt')
  if (Date.parse(body.endsAt) - Date.parse(body.startsAt) > 48 * 3_600_000) throw invalid('shift_too_long', 'body.endsAt', '一个班次不超过 48 小时（body.endsAt）', 'A shift lasts at most 48 hours (body.endsAt)')
  return db.transaction(async (tx) => {
    const divisionCode = await knownDivision(tx, actor, body.divisionCode, 'body.divisionCode')
    if (body.userId) {
      const [user] = await queryRows<{ jurisdiction: string; role: string; disabled: boolean }>(tx, sql`SELECT jurisdiction, role, disabled FROM auth.users WHERE id = ${body.userId}`)
      if (!user) throw invalid('unknown_user', 'body.userId', `body.userId 不是已登记的用户：${body.userId}`, `body.userId is not a known user: ${body.userId}`)
      if (user.disabled || !dutyAccountRoles.includes(user.role) || !isWithinDivision(user.jurisdiction, actor.jurisdiction)) {
        throw invalid('user_not_on_roster', 'body.userId', 'body.userId 不是您管辖范围内可值班的账号', 'body.userId is not an account in your jurisdiction that can be on duty')
      }
    }
    const id = await insertShift(tx, actor, { divisionCode, role: body.role, userId: body.userId ?? null, personName: body.personName.trim(), phone: body.phone ?? null, startsAt: body.startsAt, endsAt: body.endsAt })
    const [row] = await queryRows<ShiftRow>(tx, sql`SELECT ${shiftColumns} FROM incidents.duty_shifts WHERE id = ${id}`)
    const view = (await shiftViews(tx, [row!]))[0]!
    await recordAudit(tx, { actor, action: 'duty_shift.create', entity: 'incidents.duty_shift', entityId: id, after: view })
    return view
  })
}

export async function deleteShift(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await queryRows<ShiftRow>(tx, sql`SELECT ${shiftColumns} FROM incidents.duty_shifts WHERE id = ${id}`)
    if (!row || !isWithinDivision(row.division_code, actor.jurisdiction)) throw invalid('unknown_shift', 'params.id', `班次不存在：${id}`, `No such shift: ${id}`)
    await tx.execute(sql`DELETE FROM incidents.duty_shifts WHERE id = ${id}`)
    await recordAudit(tx, { actor, action: 'duty_shift.delete', entity: 'incidents.duty_shift', entityId: id, before: (await shiftViews(tx, [row]))[0] })
  })
}

interface HandoverRow { id: string; division_code: string; shift_id: string | null; from_name: string; to_name: string; notes: string; at: Date | string; created_by_name: string }

const handoverView = (r: HandoverRow) => ({ id: r.id, divisionCode: r.division_code, shiftId: r.shift_id, fromName: r.from_name, toName: r.to_name, notes: r.notes, at: iso(r.at), createdBy: r.created_by_name })

export async function listHandovers(db: Db, actor: Actor, limit = 50) {
  const rows = await queryRows<HandoverRow>(db, sql`
    SELECT id, division_code, shift_id, from_name, to_name, notes, at, created_by_name FROM incidents.duty_handovers
    WHERE division_code LIKE ${divisionPrefix(actor.jurisdiction) + '%'} ORDER BY at DESC LIMIT ${limit}`)
  return { items: rows.map(handoverView) }
}

export async function insertHandover(q: Queryable, actor: Actor | null, h: { divisionCode: string; shiftId: string | null; fromName: string; toName: string; notes: string; at?: string; synthetic?: boolean }): Promise<string> {
  const id = crypto.randomUUID()
  await q.execute(sql`
    INSERT INTO incidents.duty_handovers (id, division_code, shift_id, from_name, to_name, notes, at, created_by_name, synthetic)
    VALUES (${id}, ${h.divisionCode}, ${h.shiftId}, ${h.fromName}, ${h.toName}, ${h.notes}, ${h.at ?? new Date().toISOString()}, ${actor?.name ?? '系统'}, ${h.synthetic ?? false})`)
  return id
}

export async function createHandover(db: Db, actor: Actor, body: Static<typeof HandoverBody>) {
  return db.transaction(async (tx) => {
    const divisionCode = await knownDivision(tx, actor, body.divisionCode, 'body.divisionCode')
    if (body.shiftId) {
      const [shift] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM incidents.duty_shifts WHERE id = ${body.shiftId}`)
      if (!shift) throw invalid('unknown_shift', 'body.shiftId', `body.shiftId 不是已登记的班次：${body.shiftId}`, `body.shiftId is not a known shift: ${body.shiftId}`)
    }
    const id = await insertHandover(tx, actor, { divisionCode, shiftId: body.shiftId ?? null, fromName: body.fromName.trim(), toName: body.toName.trim(), notes: body.notes })
    const [row] = await queryRows<HandoverRow>(tx, sql`SELECT id, division_code, shift_id, from_name, to_name, notes, at, created_by_name FROM incidents.duty_handovers WHERE id = ${id}`)
    const view = handoverView(row!)
    await recordAudit(tx, { actor, action: 'duty_handover.create', entity: 'incidents.duty_handover', entityId: id, after: view })
    return view
  })
}
