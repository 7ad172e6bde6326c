import { describe, expect, it } from 'vitest'
import { classifyDeviceAlarm, incidentCategories, incidentSubtypes, isSubtypeOf, subtypeOf } from './classification.ts'

describe('national classification of emergencies (突发事件应对法 Art. 2; 总体应急预案 §1.3)', () => {
  it('has the four categories, each with subtypes, and unique subtype codes', () => {
    expect(incidentCategories).toEqual(['natural_disaster', 'accident', 'public_health', 'social_security'])
    for (const c of incidentCategories) expect(incidentSubtypes.some((t) => t.category === c)).toBe(true)
    expect(new Set(incidentSubtypes.map((t) => t.code)).size).toBe(incidentSubtypes.length)
  })

  it.each([
    ['natural_disaster', 'flood', true],
    ['natural_disaster', 'hazmat', false],
    ['accident', 'hazmat', true],
    ['public_health', 'infectious_disease', true],
    ['social_security', 'flood', false],
    ['accident', 'nonsense', false],
  ])('%s / %s belongs: %s', (category, subtype, ok) => {
    expect(isSubtypeOf(category, subtype)).toBe(ok)
  })

  it('names subtypes in Chinese and English', () => {
    expect(subtypeOf('flood')).toMatchObject({ name: '洪涝灾害', nameEn: 'Flood', category: 'natural_disaster' })
  })

  it.each([
    ['water_level', 'natural_disaster', 'flood'],
    ['rain_gauge', 'natural_disaster', 'flood'],
    ['gnss', 'natural_disaster', 'geological'],
    ['gas_lel', 'accident', 'hazmat'],
    ['tailings_pond', 'accident', 'mine'],
  ])('an alarm of a %s suggests %s / %s', (deviceType, category, subtype) => {
    expect(classifyDeviceAlarm(deviceType)).toEqual({ category, subtype })
  })
})
