/** Grades derived from an incident's facts: Decree 493 for accidents, the relief level for natural disasters. */
import { gradeAccident, type AccidentGrade } from '@yingji/domain/incidents/accidentGrade'
import { accidentReportingDeadlines, type ReportingReceipts, type ReportingStep } from '@yingji/domain/incidents/accidentReporting'
import { isGradedAsAccident, isNaturalDisaster } from '@yingji/domain/incidents/classification'
import { suggestReliefResponse, type ReliefResponseRules, type ReliefSuggestion } from '@yingji/domain/incidents/reliefResponse'
import type { IncidentFacts } from '@yingji/domain/plans/incidentFacts'
import type { WarningLevel } from '@yingji/domain/cap/warningLevels'

export interface Facts {
  deaths?: number
  missing?: number
  injured?: number
  seriousInjuries?: number
  affected?: number
  evacuated?: number
  needingEmergencyAid?: number
  damagedRooms?: number
  damagedHouseholds?: number
  directLossYuan?: number
  hazardType?: string
  warningLevel?: WarningLevel
  waterLevelAboveWarningM?: number
}

export interface Grades {
  accident: AccidentGrade | null
  relief: ReliefSuggestion | null
}

/** Decree 493's level of a work-safety accident; null for other incidents. */
export function accidentGradeOf(category: string, facts: Facts): AccidentGrade | null {
  if (!isGradedAsAccident(category)) return null
  const g = gradeAccident({ deaths: facts.deaths ?? 0, seriousInjuries: facts.seriousInjuries ?? 0, directLossYuan: facts.directLossYuan ?? 0 })
  return g.ok ? g : null
}

/** `rules`: the thresholds in force where the incident is (reliefThresholds.ts). */
export function gradesOf(category: string, facts: Facts, rules: ReliefResponseRules): Grades {
  let relief: ReliefSuggestion | null = null
  if (isNaturalDisaster(category)) {
    const r = suggestReliefResponse({
      deaths: facts.deaths ?? 0, missing: facts.missing ?? 0, emergencyRelocated: facts.evacuated ?? 0,
      needingEmergencyAid: facts.needingEmergencyAid ?? 0, damagedRooms: facts.damagedRooms, damagedHouseholds: facts.damagedHouseholds,
    }, rules)
    if (r.ok) relief = r
  }
  return { accident: accidentGradeOf(category, facts), relief }
}

/** The suggestion as the incident views show it. */
export function reliefView(relief: ReliefSuggestion | null) {
  if (!relief) return null
  const { level, name, nameEn, verified, plan, source, reason, reasonEn } = relief
  return { level, name, nameEn, verified, plan, source, reason, reasonEn }
}

/** The facts plans' criteria compare (domain/src/plans/incidentFacts.ts). */
export function planFactsOf(incident: { category: string; subtype: string; division_code: string; facts: Facts }): IncidentFacts {
  const f = incident.facts
  const out: IncidentFacts = {
    hazardType: f.hazardType ?? incident.subtype,
    incidentType: incident.category as IncidentFacts['incidentType'],
    incidentSubtype: incident.subtype,
    divisionCode: incident.division_code,
  }
  const copy = <K extends keyof IncidentFacts>(key: K, value: IncidentFacts[K] | undefined) => { if (value !== undefined) out[key] = value }
  copy('deaths', f.deaths)
  copy('missing', f.missing)
  copy('injured', f.injured)
  copy('seriousInjuries', f.seriousInjuries)
  copy('affectedPeople', f.affected)
  copy('evacuated', f.evacuated)
  copy('needingEmergencyAid', f.needingEmergencyAid)
  copy('damagedRooms', f.damagedRooms)
  copy('directLossYuan', f.directLossYuan)
  copy('warningLevel', f.warningLevel)
  copy('waterLevelAboveWarningM', f.waterLevelAboveWarningM)
  return out
}

/** The deadlines of an accident of `level`, the receipts being the steps already reported. */
export function deadlinesOf(level: AccidentGrade['level'], occurredAt: Date, done: Partial<Record<ReportingStep, Date>>) {
  const received: ReportingReceipts = { county: done.county, city: done.city, province: done.province }
  return accidentReportingDeadlines(level, occurredAt, received)
}
