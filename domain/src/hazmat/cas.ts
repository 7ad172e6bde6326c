/**
 * CAS registry numbers (CAS号): 2–7 digits, 2 digits, 1 check digit. The check digit is the sum
 * of the other digits, each multiplied by its position counted from the right, modulo 10.
 */

/** What people type: full-width digits and dashes, spaces. */
export function normalizeCas(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-')
    .replace(/\s/g, '')
}

export function isValidCas(cas: string): boolean {
  const match = /^(\d{2,7})-(\d{2})-(\d)$/.exec(cas)
  if (!match) return false
  const digits = (match[1]! + match[2]!).split('').reverse()
  const sum = digits.reduce((total, digit, i) => total + Number(digit) * (i + 1), 0)
  return sum % 10 === Number(match[3])
}
