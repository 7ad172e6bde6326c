/**
 * Unified social credit code (统一社会信用代码, USCC) — GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》.
 *
 * 18 characters (clause 4):
 *   1      registration authority code (登记管理部门代码)
 *   2      organisation type code (机构类别代码)
 *   3–8    division code of the registering authority (登记管理机关行政区划码, GB/T 2260)
 *   9–17   subject identifier (主体标识码) = organisation code (组织机构代码, GB 11714),
 *          whose 9th character (position 17) is its own check character
 *   18     check character (校验码, clause 5), weights 3^(i−1) mod 31
 *
 * The character set (代码字符集) is the digits and the upper-case letters without I, O, Z, S, V.
 */
import { normalizeDivisionCode } from '../geo/divisionCode.ts'
import { defaultUsccRules, type UsccRules } from './usccAuthorities.ts'

export { defaultUsccRules, type UsccRules } from './usccAuthorities.ts'

/** The 31 characters of the code set; a character's value is its index (clause 5, table 1). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Weights W_i = 3^(i−1) mod 31 for positions 1–17 (clause 5). */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let weight = 1
  for (let k = 0; k < i; k++) weight = (weight * 3) % 31
  return weight
})

/** GB 11714 weights for the 8 body characters of the organisation code. */
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

export type UsccInvalidReason =
  | 'length'
  | 'charset'
  | 'registration_authority'
  | 'organization_type'
  | 'division_code'
  | 'check_digit'
  | 'organization_code_check_digit'

export interface UsccParts {
  code: string
  /** 登记管理部门代码 */
  registrationAuthority: { code: string; zh: string; en: string }
  /** 机构类别代码 */
  organizationType: { code: string; zh: string; en: string }
  /** 登记管理机关行政区划码, as a 12-digit Yingji division code */
  divisionCode: string
  /** 主体标识码（组织机构代码）, positions 9–17 */
  organizationCode: string
}

export type UsccValidation =
  | ({ valid: true } & UsccParts)
  | { valid: false; reason: UsccInvalidReason; message: string; messageEn: string }

/**
 * What people usually type: spaces, lower case, full-width characters.
 * Validation itself is strict; call this first on form input.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '')
    .toUpperCase()
}

/** The check character (position 18) for the first 17 characters (GB 32100-2015 clause 5). */
export function computeUsccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0)
  const check = 31 - (sum % 31)
  return USCC_CHARSET.charAt(check === 31 ? 0 : check)
}

/** The GB 11714 check character of an organisation code body (8 characters): 0–9 or X. */
export function computeOrganizationCodeCheckCharacter(body8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const ch = body8.charAt(i)
    // Digits count as themselves, letters A–Z as 10–35 (GB 11714 code set).
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55
    sum += value * (ORGANIZATION_CODE_WEIGHTS[i] ?? 0)
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

function invalid(reason: UsccInvalidReason, message: string, messageEn: string): UsccValidation {
  return { valid: false, reason, message, messageEn }
}

/**
 * Validate a USCC exactly as written (see `normalizeUscc` for user input).
 * Structure is checked before the check characters, so a code with a wrong authority
 * reports that rather than a check-digit error.
 */
export function validateUscc(code: string, rules: UsccRules = defaultUsccRules): UsccValidation {
  if (code.length !== 18) {
    return invalid('length', `统一社会信用代码应为18位，实际为${code.length}位`, `A unified social credit code has 18 characters, got ${code.length}`)
  }
  const badIndex = [...code].findIndex((ch) => !USCC_CHARSET.includes(ch))
  if (badIndex >= 0) {
    const ch = code.charAt(badIndex)
    return invalid(
      'charset',
      `第${badIndex + 1}位字符“${ch}”不在代码字符集内（数字及除I、O、Z、S、V外的大写字母）`,
      `Character ${badIndex + 1} "${ch}" is outside the code set (digits and upper-case letters except I, O, Z, S, V)`,
    )
  }
  const authority = rules.authorities[code.charAt(0)]
  if (!authority) {
    return invalid('registration_authority', `第1位登记管理部门代码“${code.charAt(0)}”无效`, `Registration authority code "${code.charAt(0)}" (position 1) is not assigned`)
  }
  const type = authority.organizationTypes[code.charAt(1)]
  if (!type) {
    return invalid(
      'organization_type',
      `第2位机构类别代码“${code.charAt(1)}”不属于登记管理部门“${authority.zh}”`,
      `Organisation type code "${code.charAt(1)}" (position 2) is not assigned under authority "${authority.en}"`,
    )
  }
  const divisionCode = normalizeDivisionCode(code.slice(2, 8))
  if (!divisionCode) {
    return invalid('division_code', `第3–8位登记管理机关行政区划码“${code.slice(2, 8)}”无效`, `Division code "${code.slice(2, 8)}" (positions 3–8) is not a GB/T 2260 code`)
  }
  const expected = computeUsccCheckCharacter(code.slice(0, 17))
  if (code.charAt(17) !== expected) {
    return invalid('check_digit', '校验码错误，请核对代码是否录入有误', 'The check character (position 18) does not match; the code was probably mistyped')
  }
  const organizationCode = code.slice(8, 17)
  if (rules.checkOrganizationCode && computeOrganizationCodeCheckCharacter(organizationCode.slice(0, 8)) !== organizationCode.charAt(8)) {
    return invalid(
      'organization_code_check_digit',
      `第9–17位组织机构代码“${organizationCode}”的校验码错误（GB 11714）`,
      `The organisation code "${organizationCode}" (positions 9–17) fails its GB 11714 check character`,
    )
  }
  return {
    valid: true,
    code,
    registrationAuthority: { code: code.charAt(0), zh: authority.zh, en: authority.en },
    organizationType: { code: code.charAt(1), ...type },
    divisionCode,
    organizationCode,
  }
}
