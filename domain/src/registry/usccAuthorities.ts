/**
 * Registration authority (登记管理部门) and organisation type (机构类别) codes of the USCC.
 *
 * NV (not verified against the official text): GB 32100-2015 Annex A lists 1 机构编制,
 * 5 民政, 9 工商 and Y 其他; the other authorities (2, 3, 4, 6, 7, 8, A, N) were assigned
 * later and are widely seen on real codes (31… law firms, 81… trade unions, N2… village
 * collectives). The table is therefore configuration: a deployment may replace it.
 */

export interface UsccAuthority {
  zh: string
  en: string
  organizationTypes: Record<string, { zh: string; en: string }>
}

export interface UsccRules {
  authorities: Record<string, UsccAuthority>
  /** Also check the GB 11714 check character of the organisation code (positions 9–17). */
  checkOrganizationCode: boolean
}

const other = { zh: '其他', en: 'other' }

export const defaultUsccRules: UsccRules = {
  checkOrganizationCode: true,
  authorities: {
    '1': {
      zh: '机构编制',
      en: 'institutional establishment',
      organizationTypes: {
        '1': { zh: '机关', en: 'government organ' },
        '2': { zh: '事业单位', en: 'public institution' },
        '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'mass organisation under the central establishment office' },
        '9': other,
      },
    },
    '2': {
      zh: '外交',
      en: 'foreign affairs',
      organizationTypes: { '1': { zh: '外国常驻新闻机构', en: 'resident foreign news agency' }, '9': other },
    },
    '3': {
      zh: '司法行政',
      en: 'judicial administration',
      organizationTypes: {
        '1': { zh: '律师执业机构', en: 'law firm' },
        '2': { zh: '公证处', en: 'notary office' },
        '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
        '4': { zh: '司法鉴定机构', en: 'forensic appraisal institution' },
        '5': { zh: '仲裁委员会', en: 'arbitration commission' },
        '9': other,
      },
    },
    '4': {
      zh: '文化',
      en: 'culture',
      organizationTypes: { '1': { zh: '外国在华文化中心', en: 'foreign cultural centre in China' }, '9': other },
    },
    '5': {
      zh: '民政',
      en: 'civil affairs',
      organizationTypes: {
        '1': { zh: '社会团体', en: 'social organisation' },
        '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
        '3': { zh: '基金会', en: 'foundation' },
        '9': other,
      },
    },
    '6': {
      zh: '旅游',
      en: 'tourism',
      organizationTypes: {
        '1': { zh: '外国旅游部门常驻代表机构', en: 'resident office of a foreign tourism authority' },
        '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'resident office of a Hong Kong, Macao or Taiwan tourism authority' },
        '9': other,
      },
    },
    '7': {
      zh: '宗教',
      en: 'religious affairs',
      organizationTypes: {
        '1': { zh: '宗教活动场所', en: 'place of religious activity' },
        '2': { zh: '宗教院校', en: 'religious school' },
        '9': other,
      },
    },
    '8': {
      zh: '工会',
      en: 'trade union',
      organizationTypes: { '1': { zh: '基层工会', en: 'grassroots trade union' }, '9': other },
    },
    '9': {
      zh: '工商（市场监管）',
      en: 'market regulation (industry and commerce)',
      organizationTypes: {
        '1': { zh: '企业', en: 'enterprise' },
        '2': { zh: '个体工商户', en: 'individual business' },
        '3': { zh: '农民专业合作社', en: "farmers' specialised cooperative" },
      },
    },
    A: {
      zh: '中央军委改革和编制办公室',
      en: 'CMC reform and establishment office',
      organizationTypes: { '1': { zh: '军队事业单位', en: 'military public institution' }, '9': other },
    },
    N: {
      zh: '农业农村',
      en: 'agriculture and rural affairs',
      organizationTypes: {
        '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
        '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
        '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
        '9': other,
      },
    },
    Y: {
      zh: '其他',
      en: 'other',
      organizationTypes: { '1': other },
    },
  },
}
