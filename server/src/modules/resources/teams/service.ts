/**
 * Rescue teams (救援队伍): professional and social forces with readiness, capabilities (the
 * hazards they handle), equipment, members and their certificates. Enterprise users keep their
 * own enterprise's teams. Every write audited.
 */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db, Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { divisionNames } from '../../geo/index.ts'
import { lonLatOf, resolveDivision } from '../core/divisions.ts'
import { assertCanWrite, canSee, listScope, nameLike, offsetOf, scopeCondition } from '../core/scope.ts'
import * as queries from './queries.ts'
import type {
  CertificateWarnings, CertificateWarningsQuery, CreateMemberBody, CreateTeamBody, Member, Team, TeamListQuery, TeamMap,
  UpdateMemberBody, UpdateTeamBody,
} from './schemas.ts'
import { certificateWarningDays } from './vocabulary.ts'

export type TeamView = Static<typeof Team>
export type MemberView = Static<typeof Member>
const entity = 'resources.team'
const memberEntity = 'resources.team_member'

const iso = (v: Date | string) => new Date(v).toISOString()

function viewOf(r: queries.TeamRow, names: Map<string, string>): TeamView {
  return {
    id: r.id, name: r.name, type: r.type, level: r.level, divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? null,
    enterpriseId: r.enterprise_id, location: lonLatOf(r.lon, r.lat), baseAddress: r.base_address, leaderName: r.leader_name,
    leaderPhone: r.leader_phone, headcount: r.headcount, status: r.status, capabilities: r.capabilities, equipment: r.equipment,
    memberCount: r.member_count, synthetic: r.synthetic, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }
}

async function viewsOf(q: Queryable, rows: queries.TeamRow[]): Promise<TeamView[]> {
  const names = await divisionNames(q, rows.map((r) => r.division_code))
  return rows.map((r) => viewOf(r, names))
}

const filterOf = (actor: Actor, query: Static<typeof TeamListQuery>): queries.TeamFilter => ({
  scope: scopeCondition(listScope(actor, query.divisionCode), 't', true),
  nameLike: nameLike(query.q), type: query.type, status: query.status, capability: query.capability,
})

export async function listTeams(db: Db, actor: Actor, query: Static<typeof TeamListQuery>) {
  const { rows, total } = await queries.findTeams(db, filterOf(actor, query), query.pageSize, offsetOf(query.page, query.pageSize))
  return { items: await viewsOf(db, rows), total, page: query.page, pageSize: query.pageSize }
}

export async function allTeams(db: Db, actor: Actor, query: Static<typeof TeamListQuery>): Promise<TeamView[]> {
  return viewsOf(db, (await queries.findTeams(db, filterOf(actor, query), null, 0)).rows)
}

async function loadTeam(q: Queryable, actor: Actor, id: string): Promise<queries.TeamRow> {
  const row = await queries.findTeamById(q, id)
  if (!row || !canSee(actor, { divisionCode: row.division_code, enterpriseId: row.enterprise_id })) throw notFound(`救援队伍 ${id}`, `Team ${id}`, 'params.id')
  return row
}

export async function getTeam(db: Db, actor: Actor, id: string): Promise<TeamView> {
  return (await viewsOf(db, [await loadTeam(db, actor, id)]))[0]!
}

/** The enterprise of a team an actor writes: an enterprise user's own, whatever the body says. */
const enterpriseOf = (actor: Actor | null, requested: string | null | undefined, current: string | null): string | null =>
  actor?.role === 'enterprise' ? actor.enterpriseId : requested === undefined ? current : requested

export async function teamValues(q: Queryable, actor: Actor | null, body: Static<typeof CreateTeamBody>, synthetic = false): Promise<queries.TeamValues> {
  const division = await resolveDivision(q, body.divisionCode, 'body.divisionCode')
  const enterpriseId = enterpriseOf(actor, body.enterpriseId, null)
  if (actor) assertCanWrite(actor, { divisionCode: division.code, enterpriseId })
  const location = body.location === undefined ? division.location : body.location
  return {
    name: body.name.trim(), type: body.type, level: body.level, division_code: division.code, enterprise_id: enterpriseId,
    lon: location?.lon ?? null, lat: location?.lat ?? null, base_address: body.baseAddress ?? null,
    leader_name: body.leaderName ?? null, leader_phone: body.leaderPhone ?? null, headcount: body.headcount ?? 0,
    status: body.status ?? 'ready', capabilities: body.capabilities ?? [], equipment: body.equipment ?? [], synthetic,
  }
}

export async function createTeam(db: Db, actor: Actor, body: Static<typeof CreateTeamBody>): Promise<TeamView> {
  return db.transaction(async (tx) => {
    const id = await queries.insertTeam(tx, await teamValues(tx, actor, body))
    const created = (await viewsOf(tx, [(await queries.findTeamById(tx, id))!]))[0]!
    await recordAudit(tx, { actor, action: 'team.create', entity, entityId: id, after: created })
    return created
  })
}

export async function updateTeam(db: Db, actor: Actor, id: string, body: Static<typeof UpdateTeamBody>): Promise<TeamView> {
  return db.transaction(async (tx) => {
    const row = await loadTeam(tx, actor, id)
    assertCanWrite(actor, { divisionCode: row.division_code, enterpriseId: row.enterprise_id })
    const before = (await viewsOf(tx, [row]))[0]!
    const divisionCode = body.divisionCode === undefined ? row.division_code : (await resolveDivision(tx, body.divisionCode, 'body.divisionCode')).code
    const enterpriseId = enterpriseOf(actor, body.enterpriseId, row.enterprise_id)
    assertCanWrite(actor, { divisionCode, enterpriseId })
    const location = body.location === undefined ? before.location : body.location
    const pick = <K extends keyof typeof body, V>(key: K, current: V): V => (body[key] === undefined ? current : (body[key] as V))
    await queries.updateTeam(tx, id, {
      name: body.name?.trim() ?? row.name, type: body.type ?? row.type, level: body.level ?? row.level, division_code: divisionCode,
      enterprise_id: enterpriseId, lon: location?.lon ?? null, lat: location?.lat ?? null,
      base_address: pick('baseAddress', row.base_address), leader_name: pick('leaderName', row.leader_name),
      leader_phone: pick('leaderPhone', row.leader_phone), headcount: body.headcount ?? row.headcount, status: body.status ?? row.status,
      capabilities: body.capabilities ?? row.capabilities, equipment: body.equipment ?? row.equipment, synthetic: row.synthetic,
    })
    const after = (await viewsOf(tx, [(await queries.findTeamById(tx, id))!]))[0]!
    await recordAudit(tx, { actor, action: body.status !== undefined && body.status !== row.status ? 'team.status' : 'team.update', entity, entityId: id, before, after })
    return after
  })
}

export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadTeam(tx, actor, id)
    assertCanWrite(actor, { divisionCode: row.division_code, enterpriseId: row.enterprise_id })
    const before = { ...(await viewsOf(tx, [row]))[0]!, members: await queries.findMembers(tx, id) }
    await queries.deleteTeam(tx, id)
    await recordAudit(tx, { actor, action: 'team.delete', entity, entityId: id, before })
  })
}

export async function teamMap(db: Db, actor: Actor, query: Static<typeof TeamListQuery>): Promise<Static<typeof TeamMap>> {
  const { rows } = await queries.findTeams(db, filterOf(actor, query), null, 0)
  return {
    type: 'FeatureCollection',
    features: rows.filter((r) => r.lon !== null && r.lat !== null).map((r) => {
      const at = lonLatOf(r.lon, r.lat)!
      return {
        type: 'Feature' as const,
        properties: { id: r.id, name: r.name, type: r.type, status: r.status, headcount: r.headcount, capabilities: r.capabilities, synthetic: r.synthetic },
        geometry: { type: 'Point' as const, coordinates: [at.lon, at.lat] },
      }
    }),
  }
}

// ---- members -----------------------------------------------------------------

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86400_000)

function memberView(r: queries.MemberRow, today: string): MemberView {
  return {
    id: r.id, teamId: r.team_id, name: r.name, phone: r.phone, role: r.role, skills: r.skills, synthetic: r.synthetic,
    certificates: r.certificates.map((c) => {
      if (c.expires_on === null) return { name: c.name, number: c.number, expiresOn: null, daysLeft: null, state: 'no_expiry' as const }
      const daysLeft = daysBetween(today, c.expires_on)
      const state = daysLeft < 0 ? 'expired' as const : daysLeft <= certificateWarningDays ? 'expiring' as const : 'valid' as const
      return { name: c.name, number: c.number, expiresOn: c.expires_on, daysLeft, state }
    }),
  }
}

export async function listMembers(db: Db, actor: Actor, teamId: string): Promise<{ items: MemberView[] }> {
  await loadTeam(db, actor, teamId)
  const today = await queries.todayInChina(db)
  return { items: (await queries.findMembers(db, teamId)).map((m) => memberView(m, today)) }
}

type MemberBody = Static<typeof CreateMemberBody>

export const memberValues = (body: MemberBody, synthetic = false): queries.MemberValues => ({
  name: body.name.trim(), phone: body.phone ?? null, role: body.role ?? null, skills: body.skills ?? [], synthetic,
  certificates: (body.certificates ?? []).map((c) => ({ name: c.name, number: c.number ?? null, expires_on: c.expiresOn ?? null })),
})

async function writableTeam(q: Queryable, actor: Actor, teamId: string): Promise<queries.TeamRow> {
  const team = await loadTeam(q, actor, teamId)
  assertCanWrite(actor, { divisionCode: team.division_code, enterpriseId: team.enterprise_id })
  return team
}

export async function addMember(db: Db, actor: Actor, teamId: string, body: MemberBody): Promise<MemberView> {
  return db.transaction(async (tx) => {
    await writableTeam(tx, actor, teamId)
    const id = await queries.insertMember(tx, teamId, memberValues(body))
    const created = memberView((await queries.findMember(tx, teamId, id))!, await queries.todayInChina(tx))
    await recordAudit(tx, { actor, action: 'team_member.create', entity: memberEntity, entityId: id, after: created })
    return created
  })
}

async function loadMember(q: Queryable, teamId: string, memberId: string): Promise<queries.MemberRow> {
  const row = await queries.findMember(q, teamId, memberId)
  if (!row) throw notFound(`队员 ${memberId}`, `Member ${memberId}`, 'params.memberId')
  return row
}

export async function updateMember(db: Db, actor: Actor, teamId: string, memberId: string, body: Static<typeof UpdateMemberBody>): Promise<MemberView> {
  return db.transaction(async (tx) => {
    await writableTeam(tx, actor, teamId)
    const row = await loadMember(tx, teamId, memberId)
    const today = await queries.todayInChina(tx)
    const current = memberView(row, today)
    await queries.updateMember(tx, memberId, memberValues({
      name: body.name ?? row.name,
      phone: body.phone === undefined ? row.phone : body.phone,
      role: body.role === undefined ? row.role : body.role,
      skills: body.skills ?? row.skills,
      certificates: body.certificates ?? current.certificates.map((c) => ({ name: c.name, number: c.number, expiresOn: c.expiresOn })),
    }, row.synthetic))
    const after = memberView((await queries.findMember(tx, teamId, memberId))!, today)
    await recordAudit(tx, { actor, action: 'team_member.update', entity: memberEntity, entityId: memberId, before: current, after })
    return after
  })
}

export async function removeMember(db: Db, actor: Actor, teamId: string, memberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await writableTeam(tx, actor, teamId)
    const row = await loadMember(tx, teamId, memberId)
    await queries.deleteMember(tx, memberId)
    await recordAudit(tx, { actor, action: 'team_member.delete', entity: memberEntity, entityId: memberId, before: row })
  })
}

/** Members' certificates expiring within `days` days (default 60) and those expired. */
export async function certificateWarnings(db: Db, actor: Actor, query: Static<typeof CertificateWarningsQuery>): Promise<Static<typeof CertificateWarnings>> {
  const rows = await queries.findExpiringCertificates(db, scopeCondition(listScope(actor, query.divisionCode), 't', true), query.days)
  return {
    days: query.days,
    items: rows.map((r) => ({
      teamId: r.team_id, teamName: r.team_name, divisionCode: r.division_code, memberId: r.member_id, memberName: r.member_name,
      phone: r.phone, certificateName: r.certificate_name, number: r.number, expiresOn: r.expires_on, daysLeft: r.days_left,
      expired: r.days_left < 0,
    })),
  }
}
