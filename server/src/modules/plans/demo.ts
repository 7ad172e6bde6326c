/**
 * Demonstration plans for Leping (synthetic, domain/src/plans/lepingDemoPlans.ts): six county
 * plans with levels, criteria, checklists, organisation and drills. Dates are relative to the day
 * of seeding (the flood plan's last drill 14 months ago, so its yearly-drill flag shows).
 * Idempotent: a plan already seeded (by its demo key) is left as it is.
 */
import { addMonths } from '@yingji/domain/plans/planFlags'
import { lepingDemoPlans } from '@yingji/domain/plans/lepingDemoPlans'
import type { Db } from '../../db/database.ts'
import * as queries from './queries.ts'
import { insertPlanDocument, todayInChina } from './service.ts'

export const lepingCountyCode = '360281000000'

export async function seedPlansDemo(db: Db): Promise<{ inserted: number }> {
  const today = await todayInChina(db)
  let inserted = 0
  for (const p of lepingDemoPlans) {
    await db.transaction(async (tx) => {
      if (await queries.findPlanIdByDemoKey(tx, `leping.${p.key}`)) return
      const issuedOn = addMonths(today, -p.issuedMonthsAgo)
      const id = await insertPlanDocument(tx, null, {
        name: p.name, type: p.type, hazardTypes: p.hazardTypes, ownerDepartment: p.ownerDepartment,
        issuingLevel: 'county', issuingAuthority: p.issuingAuthority, documentNumber: p.documentNumber, version: p.version,
        issuedOn, effectiveOn: issuedOn, revisionDue: null,
        filingStatus: p.filingStatus, filedOn: p.filingStatus === 'filed' ? issuedOn : null, filedWith: p.filedWith,
        drillIntervalMonths: p.drillIntervalMonths, divisionCode: lepingCountyCode, status: 'effective',
        summary: '演示数据（synthetic）：预案名称与结构为示例，阈值未经核实的均为可配置项。',
        organisation: p.organisation, levels: p.levels, revisionNote: '导入演示预案',
      }, { synthetic: true, demoKey: `leping.${p.key}` })
      for (const d of p.drills) {
        await queries.insertDrill(tx, id, {
          drill_type: d.type, name: d.name, held_on: addMonths(today, -d.monthsAgo), participants: d.participants, participant_count: null,
          evaluation: d.evaluation, problems: d.problems, synthetic: true,
        })
      }
      inserted++
    })
  }
  return { inserted }
}
