import { describe, expect, it } from 'vitest'
import { divisionLevel, isWithinDivision, normalizeDivisionCode, parentDivisionCode, shortDivisionCode } from './divisionCode.ts'

describe('normalizeDivisionCode', () => {
  it.each([
    { clause: 'GB/T 2260 county code, 6 digits', input: '360281', expected: '360281000000' },
    { clause: 'NBS 统计用区划代码 township, 9 digits', input: '360281100', expected: '360281100000' },
    { clause: 'NBS 统计用区划代码 village, 12 digits', input: '360281001001', expected: '360281001001' },
    { clause: 'already 12 digits with zero padding', input: '360281000000', expected: '360281000000' },
    { clause: 'province code', input: '360000', expected: '360000000000' },
    { clause: 'wrong length', input: '3602811', expected: null },
    { clause: 'letters', input: '36028a', expected: null },
    { clause: 'empty', input: '', expected: null },
    { clause: 'no province', input: '000281', expected: null },
    { clause: 'township under a zero county', input: '360200100', expected: null },
  ])('$clause: $input', ({ input, expected }) => {
    expect(normalizeDivisionCode(input)).toBe(expected)
  })
})

describe('levels and the subtree', () => {
  it.each([
    { code: '360000000000', level: 'province', parent: null, short: '360000' },
    { code: '360200000000', level: 'prefecture', parent: '360000000000', short: '360200' },
    { code: '360281000000', level: 'county', parent: '360200000000', short: '360281' },
    { code: '360281100000', level: 'township', parent: '360281000000', short: '360281100' },
    { code: '360281100001', level: 'village', parent: '360281100000', short: '360281100001' },
  ])('$code is a $level', ({ code, level, parent, short }) => {
    expect(divisionLevel(code)).toBe(level)
    expect(parentDivisionCode(code)).toBe(parent)
    expect(shortDivisionCode(code)).toBe(short)
  })

  it.each([
    { code: '360281100001', root: '360281000000', within: true, why: 'village in its county' },
    { code: '360281100001', root: '360281100000', within: true, why: 'village in its township' },
    { code: '360281101001', root: '360281100000', within: false, why: 'village of another township' },
    { code: '360281100000', root: '360281100000', within: true, why: 'a division contains itself' },
    { code: '360281000000', root: '360281100000', within: false, why: 'a county is not inside its township' },
    { code: '360222100000', root: '360281000000', within: false, why: 'another county' },
  ])('$why', ({ code, root, within }) => {
    expect(isWithinDivision(code, root)).toBe(within)
  })
})
