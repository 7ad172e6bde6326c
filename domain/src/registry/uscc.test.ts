import { describe, expect, it } from 'vitest'
import { USCC_CHARSET, USCC_WEIGHTS, defaultUsccRules, normalizeUscc, validateUscc } from './uscc.ts'

// Codes marked "computed" were built for these tests with the clause 5 and GB 11714 algorithms;
// the two public codes are the business-licence codes of well-known companies.
const validCodes = [
  { code: '91440300708461136T', why: 'public: 深圳市腾讯计算机系统有限公司 (Tencent), check character a letter', authority: '9', type: '企业', division: '440300000000' },
  { code: '914403001922038216', why: 'public: 华为技术有限公司 (Huawei), check character a digit', authority: '9', type: '企业', division: '440300000000' },
  { code: '91360281MA35F3K20F', why: 'computed: Leping enterprise with an MA… organisation code (check 0)', authority: '9', type: '企业', division: '360281000000' },
  { code: '92360281MA38TU4Q81', why: 'computed: Leping individual business 个体工商户', authority: '9', type: '个体工商户', division: '360281000000' },
  { code: '12360281491098718H', why: 'computed: Leping public institution 事业单位', authority: '1', type: '事业单位', division: '360281000000' },
  { code: '52360281MJD276456F', why: 'computed: Leping private non-enterprise unit 民办非企业单位', authority: '5', type: '民办非企业单位', division: '360281000000' },
  { code: 'N2360281MF0Y1K33XE', why: 'computed: village collective 村级集体经济组织, organisation check X', authority: 'N', type: '村级集体经济组织', division: '360281000000' },
  { code: '313600004981720365', why: 'computed: law firm registered by the province 律师执业机构', authority: '3', type: '律师执业机构', division: '360000000000' },
  { code: '511000005000059162', why: 'computed: national social organisation 社会团体 (division 100000)', authority: '5', type: '社会团体', division: '100000000000' },
]

describe('validateUscc accepts real-format codes', () => {
  it.each(validCodes)('GB 32100-2015 clauses 4–5: $code ($why)', ({ code, authority, type, division }) => {
    const result = validateUscc(code)
    expect(result).toMatchObject({ valid: true, code, registrationAuthority: { code: authority }, organizationType: { zh: type }, divisionCode: division })
    if (result.valid) expect(result.organizationCode).toBe(code.slice(8, 17))
  })
})

describe('validateUscc rejects malformed codes with the reason', () => {
  it.each([
    { clause: 'clause 4: 18 characters', code: '91360281MA35F3K20', reason: 'length', why: 'one character short' },
    { clause: 'clause 4: 18 characters', code: '91360281MA35F3K20FF', reason: 'length', why: 'one character too many' },
    { clause: 'clause 4: 18 characters', code: '', reason: 'length', why: 'empty' },
    { clause: 'clause 5 code set', code: '91360281ma35f3k20f', reason: 'charset', why: 'lower case is not normalised here' },
    { clause: 'clause 5 code set', code: '91360281MA35F3KI0F', reason: 'charset', why: 'I is excluded (looks like 1)' },
    { clause: 'clause 5 code set', code: '91360281MA35F3KO0F', reason: 'charset', why: 'O is excluded (looks like 0)' },
    { clause: 'clause 5 code set', code: '91360281MA35F3KZ0F', reason: 'charset', why: 'Z is excluded' },
    { clause: 'clause 5 code set', code: '91360281MA35F3KS0F', reason: 'charset', why: 'S is excluded' },
    { clause: 'clause 5 code set', code: '91360281MA35F3KV0F', reason: 'charset', why: 'V is excluded' },
    { clause: 'clause 5 code set', code: '91360281MA35F3K2０F', reason: 'charset', why: 'a full-width digit' },
    { clause: 'clause 4.1 登记管理部门代码', code: 'B1360281MA35F3K20F', reason: 'registration_authority', why: 'B is in the code set but not an authority' },
    { clause: 'clause 4.1 登记管理部门代码', code: '01360281MA35F3K20F', reason: 'registration_authority', why: '0 is not an authority' },
    { clause: 'clause 4.2 机构类别代码', code: '94360281MA35F3K20F', reason: 'organization_type', why: '工商 has no type 4' },
    { clause: 'clause 4.2 机构类别代码', code: '59360281MA35F3K20X', reason: 'check_digit', why: '民政 type 9 exists, so the wrong check character is what fails' },
    { clause: 'clause 4.3 行政区划码', code: '91000281MA35F3K20F', reason: 'division_code', why: 'no province 00' },
    { clause: 'clause 4.3 行政区划码', code: '913600A1MA35F3K20F', reason: 'division_code', why: 'letters in the division code' },
    { clause: 'clause 5 校验码', code: '91360281MA35F3K20E', reason: 'check_digit', why: 'position 18 changed' },
    { clause: 'clause 5 校验码', code: '91360282MA35F3K20F', reason: 'check_digit', why: 'position 8 changed (another valid county code)' },
    { clause: 'clause 5 校验码', code: '91360281MB35F3K20F', reason: 'check_digit', why: 'position 10 changed' },
    { clause: 'clause 5 校验码', code: '91360281MA35F3K21F', reason: 'check_digit', why: 'position 17 changed' },
    { clause: 'clause 5 校验码', code: '91360281AM35F3K20F', reason: 'check_digit', why: 'positions 9 and 10 swapped' },
    { clause: 'clause 5 校验码', code: '91440300708461136L', reason: 'check_digit', why: 'Tencent with a wrong check character' },
    { clause: 'clause 4.4 主体标识码 / GB 11714', code: '91360281MA35F3K21J', reason: 'organization_code_check_digit', why: 'final check right, organisation code check wrong' },
  ])('$clause: $why → $reason', ({ code, reason }) => {
    const result = validateUscc(code)
    expect(result).toMatchObject({ valid: false, reason })
    if (!result.valid) {
      expect(result.message).toMatch(/[\u4e00-\u9fff]/)
      expect(result.messageEn).toMatch(/[a-z]/)
    }
  })

  it('names the offending position in the charset message', () => {
    expect(validateUscc('91360281MA35F3KI0F')).toMatchObject({ message: expect.stringContaining('第16位'), messageEn: expect.stringContaining('Character 16') })
  })
})

describe('clause 5: the check character catches every one-character typo', () => {
  it('uses the weights 3^(i−1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
  })

  it.each(validCodes.map(({ code }) => ({ code })))('no single substitution of $code is accepted', ({ code }) => {
    const accepted: string[] = []
    for (let position = 0; position < 18; position++) {
      for (const ch of USCC_CHARSET) {
        if (ch === code.charAt(position)) continue
        const typo = code.slice(0, position) + ch + code.slice(position + 1)
        if (validateUscc(typo).valid) accepted.push(typo)
      }
    }
    expect(accepted).toEqual([])
  })
})

describe('configuration', () => {
  it('a deployment may switch off the organisation-code check (NV rule)', () => {
    expect(validateUscc('91360281MA35F3K21J', { ...defaultUsccRules, checkOrganizationCode: false })).toMatchObject({ valid: true })
  })

  it('a deployment may restrict the authorities to the 2015 Annex A set', () => {
    const { '1': organs, '5': civil, '9': commerce, Y: otherAuthority } = defaultUsccRules.authorities
    const annexA = { ...defaultUsccRules, authorities: { '1': organs!, '5': civil!, '9': commerce!, Y: otherAuthority! } }
    expect(validateUscc('N2360281MF0Y1K33XE', annexA)).toMatchObject({ valid: false, reason: 'registration_authority' })
    expect(validateUscc('91360281MA35F3K20F', annexA)).toMatchObject({ valid: true })
  })
})

describe('normalizeUscc', () => {
  it.each([
    { input: ' 91360281ma35f3k20f ', expected: '91360281MA35F3K20F', why: 'trims and upper-cases' },
    { input: '9136 0281 MA35 F3K2 0F', expected: '91360281MA35F3K20F', why: 'drops grouping spaces' },
    { input: '９１３６０２８１ＭＡ３５Ｆ３Ｋ２０Ｆ', expected: '91360281MA35F3K20F', why: 'full-width input from a Chinese IME' },
  ])('$why', ({ input, expected }) => {
    expect(normalizeUscc(input)).toBe(expected)
    expect(validateUscc(normalizeUscc(input)).valid).toBe(true)
  })
})
