/**
 * About 40 demo risk points: the typical units of demo enterprises (when the enterprise demo
 * is loaded) and public places in the townships, scored with the default bands.
 */
import { lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { randomStream } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../../../db/database.ts'
import { recordAudit } from '../../../auth/index.ts'
import { between, demoUuid, lepingTownships, locatedPlaces, mobile, near, personName, pick, type Place } from '../core/demoData.ts'
import { enterpriseTemplates, publicPlaceTemplates, type RiskTemplate } from './demoTemplates.ts'
import { findDemoEnterpriseSites } from './enterpriseLookup.ts'
import { countRiskPoints, insertRiskPoints, type RiskPointValues } from './queries.ts'
import { defaultRiskRules, scoreRiskPoint } from './scoring.ts'

const target = 40
const maxEnterprises = 16

export async function seedRiskPointDemo(db: Db): Promise<number> {
  if (await countRiskPoints(db) > 0) return 0
  const townships = await locatedPlaces(db, lepingTownships.map((t) => `${t}000`))
  if (townships.length === 0) return 0
  const random = randomStream(lepingSyntheticSeed, 'registry.riskPoints')
  const reviewDate = (i: number) => `2027-${String((i % 12) + 1).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`

  const point = (t: RiskTemplate, name: string, at: { lon: number; lat: number }, division: string, enterpriseId: string | null, i: number): RiskPointValues => {
    const factors = t.factors.method === 'LEC'
      ? { ...t.factors, severity: null }
      : { ...t.factors, exposure: null, consequence: null }
    const { banded } = scoreRiskPoint(factors, defaultRiskRules)
    const people = [personName(random), personName(random), personName(random)]
    return {
      id: demoUuid(random), name, kind: enterpriseId ? 'enterprise' : 'public_place', enterprise_id: enterpriseId,
      place_type: t.placeType, division_code: division, ...near(random, at, 0.3),
      method: factors.method, likelihood: factors.likelihood, exposure: factors.exposure, consequence: factors.consequence,
      severity: factors.severity, score: banded.score, level: banded.level, colour: banded.colour, band_label: banded.band.label?.zh ?? null,
      hazards: t.hazards, consequences: t.consequences,
      control_measures: t.measures.map(([level, measure], k) => ({ level, measure, person: people[k % people.length]! })),
      emergency_measures: t.emergency, responsible_person: people[0]!, responsible_phone: mobile(random),
      review_date: reviewDate(i), synthetic: true,
    }
  }

  const rows: RiskPointValues[] = []
  const enterprises = await findDemoEnterpriseSites(db, maxEnterprises)
  for (const e of enterprises) {
    for (const t of enterpriseTemplates[e.category] ?? enterpriseTemplates.other!) {
      if (rows.length >= target - 14) break
      rows.push(point(t, `${e.name}${t.name}`, { lon: e.lon!, lat: e.lat! }, e.division_code, e.id, rows.length))
    }
  }
  for (let i = 0; rows.length < target; i++) {
    const t = publicPlaceTemplates[i % publicPlaceTemplates.length]!
    const township: Place = pick(random, townships)
    rows.push(point(t, `${township.name}${t.name}`, near(random, township, 1.5), township.code, null, rows.length))
  }
  await db.transaction(async (tx) => {
    await insertRiskPoints(tx, rows)
    await recordAudit(tx, { actor: null, action: 'risk_point.seed', entity: 'risk_point', entityId: 'demo', after: { count: rows.length } })
  })
  return rows.length
}
