import { describe, expect, it } from 'vitest'
import { isGsm7, smsSegmentCount, splitSms } from './smsSegments.ts'

const clause = '3GPP TS 23.040 §9.2.3.24.1 / TS 23.038 §6.2.3'
const zh = (n: number) => '预'.repeat(n)

describe(`${clause}: UCS-2 (Chinese) — 70 in one SMS, 67 per concatenated part`, () => {
  it.each([
    { why: '1 character', text: zh(1), parts: [1] },
    { why: 'exactly 70 characters fit one SMS', text: zh(70), parts: [70] },
    { why: '71 characters → 2 parts of 67 + 4', text: zh(71), parts: [67, 4] },
    { why: '134 characters → 2 full parts', text: zh(134), parts: [67, 67] },
    { why: '135 characters → 3 parts', text: zh(135), parts: [67, 67, 1] },
    { why: 'mixed Chinese and ASCII counts every character as UCS-2', text: `${zh(60)}abcdefghij`, parts: [70] },
  ])('$why', ({ text, parts }) => {
    const split = splitSms(text)
    expect(split.encoding).toBe('ucs2')
    expect(split.segments.map((s) => s.length)).toEqual(parts)
    expect(split.segments.join('')).toBe(text)
  })

  it('never splits a surrogate pair (𠮷 and emoji take 2 UTF-16 units)', () => {
    const text = `${zh(66)}𠮷${zh(10)}`
    const split = splitSms(text)
    expect(split.segments.map((s) => s.length)).toEqual([66, 12])
    expect(split.segments[1]!.startsWith('𠮷')).toBe(true)
    expect(split.segments.join('')).toBe(text)
  })

  it('69 characters plus an emoji (2 units) is 71 units → 2 parts', () => {
    expect(smsSegmentCount(`${zh(69)}🌧`)).toBe(2)
  })
})

describe(`${clause}: GSM 7-bit — 160 in one SMS, 153 per part, extension characters cost 2`, () => {
  it.each([
    { why: 'empty text is one empty SMS', text: '', parts: [0] },
    { why: '160 ASCII letters fit one SMS', text: 'a'.repeat(160), parts: [160] },
    { why: '161 → 153 + 8', text: 'a'.repeat(161), parts: [153, 8] },
    { why: '€ costs two septets: 80 € is one SMS', text: '€'.repeat(80), parts: [80] },
    { why: '81 € is 162 septets → parts of 76 € (152 septets, the 77th would need 154) + 5', text: '€'.repeat(81), parts: [76, 5] },
  ])('$why', ({ text, parts }) => {
    const split = splitSms(text)
    expect(split.encoding).toBe('gsm7')
    expect(split.segments.map((s) => [...s].length)).toEqual(parts)
  })

  it('tells the alphabets apart', () => {
    expect(isGsm7('Rain warning {red}')).toBe(true)
    expect(isGsm7('暴雨')).toBe(false)
    expect(isGsm7('naïve')).toBe(false) // ï is not in the default alphabet
  })
})
