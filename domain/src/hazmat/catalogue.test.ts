import { describe, expect, it } from 'vitest'
import {
  findHazardCategory,
  findSubstancesByCas,
  findSubstancesByName,
  findTable1Row,
  findToxicGasBeta,
  searchSubstances,
  substanceDisplayName,
} from './catalogue.ts'
import { hazardCategories } from './data/hazardCategories.ts'
import { defaultTable1Categories } from './data/table1Categories.ts'
import { table1Substances } from './data/table1Substances.ts'
import { table3ToxicGases } from './data/table3ToxicGases.ts'

const rows = (found: readonly { row: number }[]) => found.map((substance) => substance.row)

describe('GB 18218-2018 Table 1 catalogue', () => {
  it('has the 85 rows numbered 1–85', () => {
    expect(rows(table1Substances)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1))
  })

  it.each([
    { row: 1, name: '氨', Q: 10 },
    { row: 6, name: '碳酰氯', Q: 0.3, why: 'smallest Q' },
    { row: 30, name: '异氰酸甲酯', Q: 0.75 },
    { row: 31, name: '叠氮化钡', Q: 0.5 },
    { row: 44, name: '硝酸铵', Q: 50, why: '2018 change: was 300 t in 2009' },
    { row: 45, name: '硝酸铵肥料', Q: 200, why: '2018 change: was 1000 t' },
    { row: 46, name: '硝酸钾', Q: 1000, why: 'largest Q' },
    { row: 56, name: '氧', Q: 200, why: 'added in 2018' },
    { row: 66, name: '汽油', Q: 200 },
    { row: 82, name: '硝酸胍', Q: 50, why: 'added in 2018' },
  ])('Table 1 row $row $name: Q = $Q t', ({ row, name, Q }) => {
    expect(findTable1Row(row)).toMatchObject({ name, criticalQuantityT: Q })
  })
})

describe('lookup by CAS', () => {
  it.each([
    { cas: '7664-41-7', rows: [1], why: 'ammonia' },
    { cas: '74-98-6', rows: [52], why: 'propane is listed under LPG' },
    { cas: '8006-14-2', rows: [49], why: 'natural gas shares the methane row' },
    { cas: '9004-70-0', rows: [37, 38, 39, 40, 41, 42], why: 'nitrocellulose has six rows' },
    { cas: '6484-52-2', rows: [43, 44], why: 'ammonium nitrate has two rows' },
    { cas: '６７－５６－１', rows: [65], why: 'full-width input' },
    { cas: '68334-30-5', rows: [], why: 'diesel is not in Table 1' },
  ])('$cas → rows $rows ($why)', ({ cas, rows: expected }) => {
    expect(rows(findSubstancesByCas(cas))).toEqual(expected)
  })
})

describe('lookup by name or alias', () => {
  it.each([
    { name: '液氯', rows: [12], why: 'alias of 氯' },
    { name: '光气', rows: [6], why: 'alias of 碳酰氯' },
    { name: 'tnt', rows: [35], why: 'case-insensitive' },
    { name: 'chlorine', rows: [12], why: 'English name' },
    { name: '电石', rows: [83], why: 'alias of 碳化钙' },
    { name: '甲醛（含量＞90%）', rows: [8], why: 'name with condition, full-width sign' },
    { name: '硝化纤维素', rows: [37, 38, 39, 40, 41], why: 'shared name: ambiguous' },
    { name: '硝化纤维素（含水≥25%）', rows: [41], why: 'condition disambiguates' },
    { name: '柴油', rows: [], why: 'not in Table 1' },
  ])('$name → rows $rows ($why)', ({ name, rows: expected }) => {
    expect(rows(findSubstancesByName(name))).toEqual(expected)
  })

  it('search puts the exact name first, then names containing the text', () => {
    const found = searchSubstances('硝酸')
    expect(found[0]?.row).toBe(81)
    expect(rows(found)).toEqual(expect.arrayContaining([43, 44, 45, 46, 80, 82]))
  })

  it('prints a row with its condition as in the standard', () => {
    expect(substanceDisplayName(findTable1Row(81)!)).toBe('硝酸（发红烟的除外，含硝酸>70%）')
  })
})

describe('GB 18218-2018 Tables 2–4: categories', () => {
  it.each([
    { symbol: 'J1', Q: 5, beta: 4 },
    { symbol: 'J4', Q: 50, beta: 2 },
    { symbol: 'J5', Q: 500, beta: 1 },
    { symbol: 'W1.1', Q: 1, beta: 2 },
    { symbol: 'W2', Q: 10, beta: 1.5 },
    { symbol: 'W5.1', Q: 10, beta: 1.5 },
    { symbol: 'W5.4', Q: 5000, beta: 1 },
    { symbol: 'W7.1', Q: 10, beta: 1.5 },
    { symbol: 'W11', Q: 200, beta: 1 },
  ])('Table 2 $symbol: Q = $Q t, Table 4 β = $beta', ({ symbol, Q, beta }) => {
    expect(findHazardCategory(symbol)).toMatchObject({ criticalQuantityT: Q, beta })
  })

  it('Table 2 has 24 categories; unknown symbols are not found', () => {
    expect(hazardCategories).toHaveLength(24)
    expect(findHazardCategory('W12')).toBeUndefined()
  })

  it.each([
    { key: '氯', beta: 4 },
    { key: '630-08-0', beta: 2, why: 'CO, the one Table 3 gas outside Table 1' },
    { key: 'phosgene', beta: 20 },
    { key: '甲醇', beta: undefined },
  ])('Table 3 β of $key is $beta', ({ key, beta }) => {
    expect(findToxicGasBeta(key)?.beta).toBe(beta)
  })

  it('every Table 3 gas but CO is a Table 1 row, found by its CAS', () => {
    const missing = table3ToxicGases.filter((gas) => findSubstancesByCas(gas.cas).length === 0).map((gas) => gas.name)
    expect(missing).toEqual(['一氧化碳'])
  })

  it('every Table 1 row gets β: from Table 3 or from a default category (NV configuration)', () => {
    const withoutBeta = table1Substances.filter((substance) => !substance.cas.some((cas) => findToxicGasBeta(cas)) && !defaultTable1Categories[substance.row])
    expect(rows(withoutBeta)).toEqual([])
  })
})
