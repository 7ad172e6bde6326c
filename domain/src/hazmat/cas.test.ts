import { describe, expect, it } from 'vitest'
import { isValidCas, normalizeCas } from './cas.ts'
import { table1Substances } from './data/table1Substances.ts'
import { table3ToxicGases } from './data/table3ToxicGases.ts'

describe('isValidCas', () => {
  it.each([
    { cas: '7664-41-7', valid: true, why: 'ammonia' },
    { cas: '7732-18-5', valid: true, why: 'water, the textbook example' },
    { cas: '68476-85-7', valid: true, why: 'LPG, five-digit first group' },
    { cas: '7664-41-8', valid: false, why: 'wrong check digit' },
    { cas: '7646-41-7', valid: false, why: 'two digits swapped' },
    { cas: '7664417', valid: false, why: 'no dashes' },
    { cas: '1-41-7', valid: false, why: 'first group too short' },
  ])('$why: $cas → $valid', ({ cas, valid }) => {
    expect(isValidCas(cas)).toBe(valid)
  })

  it('normalizes full-width input', () => {
    expect(normalizeCas(' ７６６４－４１－７ ')).toBe('7664-41-7')
  })
})

describe('GB 18218-2018 transcription integrity', () => {
  it('every CAS number in Table 1 and Table 3 has a valid check digit', () => {
    const all = [...table1Substances.flatMap((s) => s.cas), ...table3ToxicGases.map((g) => g.cas)]
    expect(all.filter((cas) => !isValidCas(cas))).toEqual([])
  })
})
