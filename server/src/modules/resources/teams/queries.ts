/** Teams' SQL (resources.teams, team_members, member_certificates). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { HazardKey, TeamLevel, TeamStatus, TeamType } from './vocabulary.ts'

export interface EquipmentItem { name: string; quantity: number }

export interface TeamValues {
  name: string
  type: TeamType
  level: TeamLevel
  division_code: string
  enterprise_id: string | null
  lon: number | null
  lat: number | null
  base_address: string | null
  leader_name: string | null
  leader_phone: string | null
  headcount: number
  status: TeamStatus
  capabilities: HazardKey[]
  equipment: EquipmentItem[]
  synthetic: boolean
}

export interface TeamRow extends TeamValues {
  id: string
  member_count: number
  created_at: Date | string
  updated_at: Date | string
}

const columns = sql`t.id::text AS id, t.name, t.type, t.level, t.division_code, t.enterprise_id::text AS enterprise_id,
  ST_X(t.location) AS lon, ST_Y(t.location) AS lat, t.base_address, t.leader_name, t.leader_phone, t.headcount, t.status,
  t.capabilities, t.equipment, t.synthetic, t.created_at, t.updated_at,
  (SELECT count(*) FROM resources.team_members m WHERE m.team_id = t.id)::int AS member_count`

const textArray = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`
const point = (v: { lon: number | null; lat: number | null }) =>
  v.lon === null || v.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${v.lon}, ${v.lat}), 4326)`

export interface TeamFilter {
  scope: SQL
  nameLike: string | null
  type?: TeamType | undefined
  status?: TeamStatus | undefined
  capability?: HazardKey | undefined
}

const where = (f: TeamFilter) => sql.join([
  f.scope,
  f.nameLike ? sql`t.name ILIKE ${f.nameLike}` : sql`true`,
  f.type ? sql`t.type = ${f.type}` : sql`true`,
  f.status ? sql`t.status = ${f.status}` : sql`true`,
  f.capability ? sql`${f.capability} = ANY (t.capabilities)` : sql`true`,
], sql` AND `)

export async function findTeams(q: Queryable, f: TeamFilter, limit: number | null, offset: number): Promise<{ rows: TeamRow[]; total: number }> {
  const rows = await queryRows<TeamRow>(q, sql`
    SELECT ${columns} FROM resources.teams t WHERE ${where(f)}
    ORDER BY CASE t.level WHEN 'city' THEN 0 WHEN 'enterprise' THEN 1 WHEN 'township' THEN 2 ELSE 3 END, t.division_code, t.name, t.id
    ${limit === null ? sql`` : sql`LIMIT ${limit}`} OFFSET ${offset}`)
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.teams t WHERE ${where(f)}`)
  return { rows, total: count?.n ?? 0 }
}

export async function findTeamById(q: Queryable, id: string): Promise<TeamRow | null> {
  const [row] = await queryRows<TeamRow>(q, sql`SELECT ${columns} FROM resources.teams t WHERE t.id = ${id}::uuid`)
  return row ?? null
}

export async function insertTeam(q: Queryable, v: TeamValues): Promise<string> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO resources.teams (name, type, level, division_code, enterprise_id, location, base_address, leader_name, leader_phone,
      headcount, status, capabilities, equipment, synthetic)
    VALUES (${v.name}, ${v.type}, ${v.level}, ${v.division_code}, ${v.enterprise_id}::uuid, ${point(v)}, ${v.base_address},
      ${v.leader_name}, ${v.leader_phone}, ${v.headcount}, ${v.status}, ${textArray(v.capabilities)}, ${JSON.stringify(v.equipment)}::jsonb,
      ${v.synthetic})
    RETURNING id::text AS id`)
  return row!.id
}

export async function updateTeam(q: Queryable, id: string, v: TeamValues): Promise<void> {
  await q.execute(sql`
    UPDATE resources.teams SET name = ${v.name}, type = ${v.type}, level = ${v.level}, division_code = ${v.division_code},
      enterprise_id = ${v.enterprise_id}::uuid, location = ${point(v)}, base_address = ${v.base_address}, leader_name = ${v.leader_name},
      leader_phone = ${v.leader_phone}, headcount = ${v.headcount}, status = ${v.status}, capabilities = ${textArray(v.capabilities)},
      equipment = ${JSON.stringify(v.equipment)}::jsonb, updated_at = now()
    WHERE id = ${id}::uuid`)
}

export async function deleteTeam(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM resources.teams WHERE id = ${id}::uuid`)
}

export async function countAllTeams(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.teams`)
  return row?.n ?? 0
}

// ---- members and certificates ----------------------------------------------

export interface CertificateValues { name: string; number: string | null; expires_on: string | null }

export interface MemberValues {
  name: string
  phone: string | null
  role: string | null
  skills: string[]
  certificates: CertificateValues[]
  synthetic: boolean
}

export interface MemberRow extends MemberValues {
  id: string
  team_id: string
}

const memberColumns = sql`m.id::text AS id, m.team_id::text AS team_id, m.name, m.phone, m.role, m.skills, m.synthetic,
  coalesce((SELECT jsonb_agg(jsonb_build_object('name', c.name, 'number', c.number, 'expires_on', to_char(c.expires_on, 'YYYY-MM-DD'))
            ORDER BY c.position) FROM resources.member_certificates c WHERE c.member_id = m.id), '[]'::jsonb) AS certificates`

export async function findMembers(q: Queryable, teamId: string): Promise<MemberRow[]> {
  return queryRows<MemberRow>(q, sql`SELECT ${memberColumns} FROM resources.team_members m WHERE m.team_id = ${teamId}::uuid ORDER BY m.created_at, m.name, m.id`)
}

export async function findMember(q: Queryable, teamId: string, memberId: string): Promise<MemberRow | null> {
  const [row] = await queryRows<MemberRow>(q, sql`
    SELECT ${memberColumns} FROM resources.team_members m WHERE m.team_id = ${teamId}::uuid AND m.id = ${memberId}::uuid`)
  return row ?? null
}

async function replaceCertificates(q: Queryable, memberId: string, certificates: readonly CertificateValues[]): Promise<void> {
  await q.execute(sql`DELETE FROM resources.member_certificates WHERE member_id = ${memberId}::uuid`)
  if (certificates.length === 0) return
  await q.execute(sql`
    INSERT INTO resources.member_certificates (member_id, position, name, number, expires_on)
    SELECT ${memberId}::uuid, r.ord, r.value->>'name', r.value->>'number', (r.value->>'expires_on')::date
    FROM jsonb_array_elements(${JSON.stringify(certificates)}::jsonb) WITH ORDINALITY AS r(value, ord)`)
}

export async function insertMember(q: Queryable, teamId: string, v: MemberValues): Promise<string> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO resources.team_members (team_id, name, phone, role, skills, synthetic)
    VALUES (${teamId}::uuid, ${v.name}, ${v.phone}, ${v.role}, ${textArray(v.skills)}, ${v.synthetic})
    RETURNING id::text AS id`)
  await replaceCertificates(q, row!.id, v.certificates)
  return row!.id
}

export async function updateMember(q: Queryable, memberId: string, v: MemberValues): Promise<void> {
  await q.execute(sql`
    UPDATE resources.team_members SET name = ${v.name}, phone = ${v.phone}, role = ${v.role}, skills = ${textArray(v.skills)}
    WHERE id = ${memberId}::uuid`)
  await replaceCertificates(q, memberId, v.certificates)
}

export async function deleteMember(q: Queryable, memberId: string): Promise<void> {
  await q.execute(sql`DELETE FROM resources.team_members WHERE id = ${memberId}::uuid`)
}

export interface CertificateWarningRow {
  team_id: string
  team_name: string
  division_code: string
  member_id: string
  member_name: string
  phone: string | null
  certificate_name: string
  number: string | null
  expires_on: string
  days_left: number
}

/** Certificates expiring within `days` days of today in China, or expired, soonest first. */
export async function findExpiringCertificates(q: Queryable, scope: SQL, days: number): Promise<CertificateWarningRow[]> {
  return queryRows<CertificateWarningRow>(q, sql`
    WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d)
    SELECT t.id::text AS team_id, t.name AS team_name, t.division_code, m.id::text AS member_id, m.name AS member_name, m.phone,
           c.name AS certificate_name, c.number, to_char(c.expires_on, 'YYYY-MM-DD') AS expires_on, (c.expires_on - today.d)::int AS days_left
    FROM resources.member_certificates c
      JOIN resources.team_members m ON m.id = c.member_id
      JOIN resources.teams t ON t.id = m.team_id
      CROSS JOIN today
    WHERE ${scope} AND c.expires_on IS NOT NULL AND c.expires_on <= today.d + ${days}::int
    ORDER BY c.expires_on, t.name, m.name`)
}

/** Today's date in China, as the database sees it (the reference for certificate states). */
export async function todayInChina(q: Queryable): Promise<string> {
  const [row] = await queryRows<{ d: string }>(q, sql`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS d`)
  return row!.d
}
