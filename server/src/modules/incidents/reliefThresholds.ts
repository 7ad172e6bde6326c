/**
 * The thresholds of the suggested relief response level (救助应急响应) as county configuration:
 * the national defaults (domain data file) unless the county's admin stored its own plan's
 * values (《乐平市自然灾害救助应急预案》 for Leping), used to grade every natural disaster there.
 */
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { checkReliefRules, nationalReliefRules2024, type ReliefResponseRules } from '@yingji/domain/incidents/reliefResponse'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import { invalid } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import type { ReliefThresholdsBody } from './schemas.ts'

/** The rules that grade an incident in a division. */
export type ReliefRulesOf = (divisionCode: string) => ReliefResponseRules

/** The county (县级) a division lies in: its first six digits. */
export const countyOf = (divisionCode: string) => `${divisionCode.slice(0, 6)}000000`

interface ThresholdsRow { county_code: string; rules: ReliefResponseRules; updated_by_name: string; updated_at: Date | string }

/** Every county's stored thresholds (a handful of rows), as a lookup falling back to the national ones. */
export async function reliefRulesOf(q: Queryable): Promise<ReliefRulesOf> {
  const rows = await queryRows<ThresholdsRow>(q, sql`SELECT county_code, rules FROM incidents.relief_thresholds`)
  const byCounty = new Map(rows.map((r) => [r.county_code, r.rules]))
  return (divisionCode) => byCounty.get(countyOf(divisionCode)) ?? nationalReliefRules2024
}

export interface ThresholdsView {
  countyCode: string
  /** county: the county's own values are in force; national: the defaults */
  origin: 'county' | 'national'
  rules: ReliefRulesView
  national: ReliefRulesView
  updatedBy: string | null
  updatedAt: string | null
}

type ReliefRulesView = Omit<ReliefResponseRules, 'levels'> & { levels: ReliefResponseRules['levels'][number][] }
const copy = (rules: ReliefResponseRules): ReliefRulesView => ({ ...rules, levels: [...rules.levels] })

const entity = 'incidents.relief_thresholds'

async function find(q: Queryable, countyCode: string): Promise<ThresholdsRow | undefined> {
  return (await queryRows<ThresholdsRow>(q, sql`SELECT * FROM incidents.relief_thresholds WHERE county_code = ${countyCode}`))[0]
}

function viewOf(countyCode: string, row: ThresholdsRow | undefined): ThresholdsView {
  return {
    countyCode, origin: row ? 'county' : 'national', rules: copy(row?.rules ?? nationalReliefRules2024), national: copy(nationalReliefRules2024),
    updatedBy: row?.updated_by_name ?? null, updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  }
}

/** The county code asked for, or the caller's own county; must be a county in the caller's reach. */
function countyFor(actor: Actor, requested: string | undefined, field: string, reading = false): string {
  const code = requested ?? countyOf(actor.jurisdiction)
  if (!/^[0-9]{4}(?!00)[0-9]{2}000000$/.test(code)) {
    throw invalid('not_a_county', field, `${field} 应为县级行政区划代码（12位，后六位为0）：${code}`, `${field} must be a county-level division code (12 digits ending in six zeros): ${code}`)
  }
  // Anyone may read the table that grades their own county's incidents; changing it takes the
  // county in one's jurisdiction (a township's admin cannot).
  if (!(reading && code === countyOf(actor.jurisdiction))) assertInJurisdiction(actor, code)
  return code
}

export async function getThresholds(db: Db, actor: Actor, countyCode: string | undefined): Promise<ThresholdsView> {
  const code = countyFor(actor, countyCode, 'querystring.countyCode', true)
  return viewOf(code, await find(db, code))
}

export async function setThresholds(db: Db, actor: Actor, body: Static<typeof ReliefThresholdsBody>): Promise<ThresholdsView> {
  const code = countyFor(actor, body.countyCode, 'body.countyCode')
  const { countyCode: _c, ...rules } = body
  const problem = checkReliefRules(rules as ReliefResponseRules)[0]
  if (problem) throw invalid('invalid_relief_thresholds', `body.${problem.field}`, problem.zh, problem.en)
  return db.transaction(async (tx) => {
    const before = viewOf(code, await find(tx, code))
    await tx.execute(sql`
      INSERT INTO incidents.relief_thresholds (county_code, rules, updated_by_name) VALUES (${code}, ${JSON.stringify(rules)}::jsonb, ${actor.name})
      ON CONFLICT (county_code) DO UPDATE SET rules = excluded.rules, updated_by_name = excluded.updated_by_name, updated_at = now()`)
    const after = viewOf(code, await find(tx, code))
    await recordAudit(tx, { actor, action: 'relief_thresholds.update', entity, entityId: code, before: before.rules, after: after.rules })
    return after
  })
}

/** Back to the national defaults. */
export async function resetThresholds(db: Db, actor: Actor, countyCode: string | undefined): Promise<ThresholdsView> {
  const code = countyFor(actor, countyCode, 'querystring.countyCode')
  return db.transaction(async (tx) => {
    const before = await find(tx, code)
    await tx.execute(sql`DELETE FROM incidents.relief_thresholds WHERE county_code = ${code}`)
    if (before) await recordAudit(tx, { actor, action: 'relief_thresholds.reset', entity, entityId: code, before: before.rules, after: nationalReliefRules2024 })
    return viewOf(code, undefined)
  })
}
