/** The enterprise workbook: the empty template and the export of a filtered list. */
import { substanceDisplayName, findTable1Row } from '@yingji/domain/hazmat/catalogue'
import type { Db } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { exportWorkbook, templateWorkbook } from '../../../excel/workbook.ts'
import * as queries from './queries.ts'
import type { FilterQuery } from './schemas.ts'
import { filterOf } from './service.ts'
import { enterpriseSheets } from './sheets.ts'

export const templateFileName = '企业及危险化学品导入模板.xlsx'
export const exportFileName = '企业名录.xlsx'

export function enterpriseTemplate(): Promise<Buffer> {
  return templateWorkbook(enterpriseSheets)
}

const contactText = (c: queries.Contact) => [c.name, c.role ?? '', c.phone ?? ''].join('/').replace(/\/+$/, '')

/** A substance as the clerk would type it: its name (Table 1 name when given by 序号 only). */
function substanceName(s: queries.StoredSubstance): string | null {
  if (s.name) return s.name
  const row = s.row === undefined ? undefined : findTable1Row(s.row)
  return row ? substanceDisplayName(row) : null
}

export async function enterpriseExport(db: Db, actor: Actor, query: FilterQuery): Promise<Buffer> {
  const enterprises = await queries.findEnterprises(db, filterOf(actor, query))
  const units = await queries.findUnitsOf(db, enterprises.map((e) => e.id))
  const usccOf = new Map(enterprises.map((e) => [e.id, e.uscc]))
  const enterpriseRows = enterprises.map((e) => {
    const [first, ...others] = e.contacts
    return {
      uscc: e.uscc, name: e.name, divisionCode: e.division_code, supervisionCategory: e.supervision_category,
      industryCode: e.industry_code, address: e.address, location: e.lon === null || e.lat === null ? null : [e.lon, e.lat],
      employees: e.employees, standardizationLevel: e.standardization_level, status: e.status,
      contactName: first?.name ?? null, contactRole: first?.role ?? null, contactPhone: first?.phone ?? null,
      otherContacts: others.length > 0 ? others.map(contactText).join('；') : null,
    }
  })
  const unitRows = units.flatMap((u) => {
    const unit = { uscc: usccOf.get(u.enterprise_id), unitName: u.name, kind: u.kind, exposedPeople: u.exposed_people }
    if (u.substances.length === 0) return [unit]
    return u.substances.map((s) => ({
      ...unit,
      substanceName: substanceName(s),
      cas: s.cas ?? null,
      category: s.category === undefined ? null : [s.category].flat().join('、'),
      mixture: s.mixture === true,
      quantityT: s.quantityT,
    }))
  })
  const [enterpriseSheet, unitSheet] = enterpriseSheets
  return exportWorkbook([{ ...enterpriseSheet!, rows: enterpriseRows }, { ...unitSheet!, rows: unitRows }])
}
