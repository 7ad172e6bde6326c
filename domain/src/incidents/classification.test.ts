import { describe, expect, it } from 'vitest'
import { classifyDeviceAlarm, incidentCategories, incidentSubtypes, isSubtypeOf, subtypeOf } from './classification.ts'

describe('national classification of emergencies (突发事件应对法 Art. 2; 总体应急预案 §1.3)', () => {
  it('has the four categories, each with subtypes, and unique subtype codes', () => {
    expect(incidentCategories).toEqual(['natural', 'accident', 'publicHealth', 'socialSecurity'])
    for (const c of incidentCategories) expect(incidentSubtypes.some((t) => t.category === c)).toBe(true)
    expect(new Set(incidentSubtypes.map((t) => t.code)).size).toBe(incidentSubtypes.length)
  })

  it.each([
    ['natural', 'flood', true],
    ['natural', 'hazmatAccident', false],
    ['accident', 'hazmatAccident', true],
    ['publicHealth', 'epidemic', true],
    ['socialSecurity', 'flood', false],
    ['accident', 'nonsense', false],
  ])('%s / %s belongs: %s', (category, subtype, ok) => {
    expect(isSubtypeOf(category, subtype)).toBe(ok)
  })

  it('names subtypes in Chinese and English', () => {
    expect(subtypeOf('flood')).toMatchObject({ name: '洪涝灾害', nameEn: 'Flood', category: 'natural' })
  })

  it.each([
    ['water_level', 'natural', 'flood'],
    ['rain_gauge', 'natural', 'flood'],
    ['gnss', 'natural', 'geologicalHazard'],
    ['gas_lel', 'accident', 'hazmatAccident'],
    ['tailings_pond', 'accident', 'mining'],
  ])('an alarm of a %s suggests %s / %s', (deviceType, category, subtype) => {
    expect(classifyDeviceAlarm(deviceType)).toEqual({ category, subtype })
  })
})
