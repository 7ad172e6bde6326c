/** Database records → API shapes. */
import type { Enterprise, Unit } from './schemas.ts'
import type { EnterpriseRecord, UnitRecord } from './queries.ts'
import { tryGrade } from './grading.ts'

/** 6 decimals ≈ 0.1 m. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6
const iso = (value: Date | string) => new Date(value).toISOString()
const levelNames = ['一级', '二级', '三级', '四级'] as const

export function enterpriseView(r: EnterpriseRecord, divisionName: string | null): Enterprise {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    industryCode: r.industry_code,
    supervisionCategory: r.supervision_category as Enterprise['supervisionCategory'],
    address: r.address,
    location: r.lon === null || r.lat === null ? null : { lon: round6(r.lon), lat: round6(r.lat) },
    divisionCode: r.division_code,
    divisionName,
    contacts: r.contacts,
    employees: r.employees,
    standardizationLevel: r.standardization_level as Enterprise['standardizationLevel'],
    status: r.status as Enterprise['status'],
    majorHazardLevel: r.major_hazard_level,
    unitCount: r.unit_count,
    synthetic: r.synthetic,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

/** A unit with its stored grade, and per substance the figures the grade came from. */
export function unitView(r: UnitRecord): Unit {
  const grade = tryGrade(r.exposed_people, r.substances)
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    name: r.name,
    kind: r.kind as Unit['kind'],
    exposedPeople: r.exposed_people,
    substances: r.substances.map((s, i) => {
      const graded = grade.ok ? grade.substances[i] : undefined
      return {
        ...s,
        resolvedName: graded?.name ?? s.name ?? s.cas ?? '',
        criticalQuantityT: graded?.criticalQuantityT ?? 0,
        ratio: graded?.ratio ?? 0,
        beta: graded?.beta ?? 0,
      }
    }),
    sumRatio: r.sum_ratio,
    isMajor: r.is_major,
    alpha: r.alpha,
    R: r.r_value,
    level: r.level,
    levelName: r.level === null ? null : levelNames[r.level - 1] ?? null,
    synthetic: r.synthetic,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}
