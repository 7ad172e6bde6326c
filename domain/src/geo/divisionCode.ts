/**
 * Administrative division codes (行政区划代码).
 *
 * GB/T 2260 gives 6-digit county-level codes (省 2 + 市 2 + 县 2). The National Bureau of
 * Statistics' 统计用区划代码 extends them to 12 digits: 3 for the township level (乡镇/街道)
 * and 3 for the village level (村/居委会). Yingji stores every code as 12 digits, padding
 * higher levels with zeros, and accepts 6, 9 or 12 digits at its edges.
 */

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village'

/** A 12-digit code, or `null` when the input is not a 6-, 9- or 12-digit code. */
export function normalizeDivisionCode(input: string): string | null {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(input)) return null
  const code = input.padEnd(12, '0')
  if (code.startsWith('00')) return null
  // A lower level cannot be set under a zero higher level (e.g. 360000 001 000).
  const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)]
  let seenZero = false
  for (const part of parts) {
    const zero = /^0+$/.test(part)
    if (!zero && seenZero) return null
    if (zero) seenZero = true
  }
  return code
}

/** The level of a normalized 12-digit code. */
export function divisionLevel(code: string): DivisionLevel {
  if (code.slice(9) !== '000') return 'village'
  if (code.slice(6, 9) !== '000') return 'township'
  if (code.slice(4, 6) !== '00') return 'county'
  if (code.slice(2, 4) !== '00') return 'prefecture'
  return 'province'
}

const significantLength: Record<DivisionLevel, number> = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 }

/** The significant prefix: every code in this division's subtree starts with it. */
export function divisionPrefix(code: string): string {
  return code.slice(0, significantLength[divisionLevel(code)])
}

/** Whether `code` lies in the subtree rooted at `root` (a division contains itself). */
export function isWithinDivision(code: string, root: string): boolean {
  return code.startsWith(divisionPrefix(root))
}

/** The parent's 12-digit code, or `null` for a province. */
export function parentDivisionCode(code: string): string | null {
  const level = divisionLevel(code)
  if (level === 'province') return null
  const keep = { prefecture: 2, county: 4, township: 6, village: 9 }[level]
  return code.slice(0, keep).padEnd(12, '0')
}

/** The shortest conventional form: 6 digits for county and above, 9 for townships, 12 for villages. */
export function shortDivisionCode(code: string): string {
  const level = divisionLevel(code)
  return code.slice(0, level === 'village' ? 12 : level === 'township' ? 9 : 6)
}
