/**
 * Turns one line of a unit's inventory into the figures of GB 18218-2018: its critical quantity
 * Q (临界量, Table 1 first, else Table 2 by hazard category — clause 4.2) and its correction
 * factor β (校正系数, Table 3 for the named toxic gases, else Table 4 by category — clause 4.3).
 */
import { isValidCas, normalizeCas } from './cas.ts'
import {
  findHazardCategory,
  findSubstancesByCas,
  findSubstancesByName,
  findTable1Row,
  findToxicGasBeta,
  isHazardCategorySymbol,
  substanceDisplayName,
} from './catalogue.ts'
import type { HazardCategory, HazardCategorySymbol } from './data/hazardCategories.ts'
import type { Table1Substance } from './data/table1Substances.ts'
import type { MajorHazardRules } from './majorHazardRules.ts'

/** One hazardous chemical present in a production or storage unit (生产单元/储存单元). */
export interface HazardousSubstanceInput {
  /** CAS号 */
  cas?: string
  /** Name or alias (Chinese or English) */
  name?: string
  /** 序号 of Table 1, the unambiguous way to name rows that share a CAS (硝化纤维素, 硝酸铵) */
  row?: number
  /**
   * 危险性类别 (Table 2 symbols such as `W5.4`). Required for a substance not in Table 1;
   * for a Table 1 substance it sets β instead of the configured default.
   */
  category?: HazardCategorySymbol | readonly HazardCategorySymbol[]
  /** 混合物: `quantityT` is the whole mixture; cas/name/row name its hazardous pure component */
  mixture?: boolean
  /** q: the actual (design maximum) quantity in the unit, tonnes */
  quantityT: number
}

export type MajorHazardErrorReason =
  | 'unknown_substance'
  | 'ambiguous_substance'
  | 'missing_substance'
  | 'unknown_category'
  | 'category_required'
  | 'invalid_cas'
  | 'invalid_quantity'
  | 'invalid_exposed_people'

/** An input the rules cannot grade; `field` is a path into the input such as `substances.2.cas`. */
export interface MajorHazardError {
  ok: false
  reason: MajorHazardErrorReason
  field: string
  /** The substance as the caller named it, when the error is about one */
  substance: string | null
  message: string
  messageEn: string
}

export interface ResolvedSubstance {
  /** Position in the input list */
  index: number
  /** Table 1 name with its condition, else the name, CAS or category given */
  name: string
  cas: string | null
  /** 序号 of the Table 1 row used (for a mixture: of its pure component), else null */
  table1Row: number | null
  mixture: boolean
  quantityT: number
  /** Q, tonnes */
  criticalQuantityT: number
  criticalQuantitySource: 'table1' | 'table2'
  /** The Table 2 category that gave Q, null when Q is from Table 1 */
  quantityCategory: HazardCategorySymbol | null
  /** β, or null when the substance has no Table 3 entry and no category is known (identification does not need it) */
  beta: number | null
  betaSource: 'table3' | 'table4' | null
  /** The category whose Table 4 value gave β, null when β is from Table 3 or unknown */
  betaCategory: HazardCategorySymbol | null
  /** q/Q */
  ratio: number
}

export function substanceError(reason: MajorHazardErrorReason, field: string, substance: string | null, message: string, messageEn: string): MajorHazardError {
  return { ok: false, reason, field, substance, message, messageEn }
}

/** The category whose Table 2 quantity applies to a substance with several (NV rule). */
function governingCategory(categories: readonly HazardCategory[], rules: MajorHazardRules): HazardCategory {
  if (rules.multiCategoryCriticalQuantity === 'first') return categories[0]!
  return categories.reduce((lowest, category) => (category.criticalQuantityT < lowest.criticalQuantityT ? category : lowest))
}

/** The category whose Table 4 β applies to a substance with several (NV rule). */
function betaCategoryOf(categories: readonly HazardCategory[], rules: MajorHazardRules): HazardCategory {
  if (rules.multiCategoryBeta === 'governing') return governingCategory(categories, rules)
  return categories.reduce((highest, category) => (category.beta > highest.beta ? category : highest))
}

function describeRows(rows: readonly Table1Substance[]): string {
  return rows.map((row) => row.row).join('、')
}

export function resolveSubstance(input: HazardousSubstanceInput, index: number, rules: MajorHazardRules): ResolvedSubstance | MajorHazardError {
  const at = `substances.${index}`
  const label = input.name ?? input.cas ?? (input.row !== undefined ? `表1第${input.row}行` : null)
  const ordinal = index + 1
  // Every message starts by naming the item, so a list of errors reads on its own.
  const fail = (reason: MajorHazardErrorReason, field: string, zh: string, en: string) =>
    substanceError(
      reason,
      field,
      label,
      label ? `第${ordinal}项“${label}”：${zh}` : `第${ordinal}项：${zh}`,
      label ? `Item ${ordinal} "${label}": ${en}` : `Item ${ordinal}: ${en}`,
    )

  if (typeof input.quantityT !== 'number' || !Number.isFinite(input.quantityT) || input.quantityT < 0) {
    return fail('invalid_quantity', `${at}.quantityT`, '数量应为不小于0的吨数', 'the quantity must be a number of tonnes, 0 or more')
  }

  const categorySymbols = input.category === undefined ? [] : typeof input.category === 'string' ? [input.category] : [...input.category]
  const categories: HazardCategory[] = []
  for (const symbol of categorySymbols) {
    const category = isHazardCategorySymbol(symbol) ? findHazardCategory(symbol) : undefined
    if (!category) {
      return fail('unknown_category', `${at}.category`, `危险性类别“${symbol}”不在GB 18218-2018表2中`, `hazard category "${symbol}" is not in GB 18218-2018 Table 2`)
    }
    categories.push(category)
  }

  let cas: string | null = null
  if (input.cas !== undefined) {
    cas = normalizeCas(input.cas)
    if (!isValidCas(cas)) {
      return fail('invalid_cas', `${at}.cas`, `CAS号“${input.cas}”格式或校验位错误`, `CAS number "${input.cas}" is malformed or fails its check digit`)
    }
  }

  // Every identifier given must point at the same Table 1 row.
  const candidateLists: Table1Substance[][] = []
  if (input.row !== undefined) {
    const row = findTable1Row(input.row)
    if (!row) {
      return fail('unknown_substance', `${at}.row`, `GB 18218-2018表1没有序号${input.row}`, `GB 18218-2018 Table 1 has no row ${input.row}`)
    }
    candidateLists.push([row])
  }
  if (cas !== null) candidateLists.push(findSubstancesByCas(cas))
  if (input.name !== undefined) candidateLists.push(findSubstancesByName(input.name))
  const named = candidateLists.length > 0
  const candidates = named ? candidateLists.reduce((kept, list) => kept.filter((row) => list.includes(row))) : []

  if (candidates.length > 1) {
    const field = input.name !== undefined ? `${at}.name` : `${at}.cas`
    return fail(
      'ambiguous_substance',
      field,
      `对应GB 18218-2018表1中第${describeRows(candidates)}行，请用序号或带说明的名称（如${substanceDisplayName(candidates[0]!)}）指明`,
      `matches rows ${candidates.map((row) => row.row).join(', ')} of GB 18218-2018 Table 1; give the row number or the name with its condition`,
    )
  }

  const table3 = [cas, input.name].map((key) => (key ? findToxicGasBeta(key) : undefined)).find((gas) => gas !== undefined)
  const row = candidates[0]

  if (row) {
    const rowTable3 = row.cas.map((rowCas) => findToxicGasBeta(rowCas)).find((gas) => gas !== undefined)
    const pureCategory = rules.table1Categories[row.row]
    const mixture = input.mixture === true
    const usesOwnCategory =
      mixture && (rules.mixtureRule === 'category_only' || (categories.length > 0 && !categories.some((category) => category.symbol === pureCategory)))
    if (usesOwnCategory) {
      if (categories.length === 0) {
        return fail(
          'category_required',
          `${at}.category`,
          `含${substanceDisplayName(row)}的混合物需注明其危险性类别（GB 18218-2018表2）`,
          `a mixture containing ${row.nameEn} needs its hazard category (GB 18218-2018 Table 2)`,
        )
      }
      return fromCategories({ index, name: substanceDisplayName(row), cas: cas ?? row.cas[0] ?? null, table1Row: row.row, mixture, quantityT: input.quantityT, categories, table3: undefined, rules })
    }
    // The pure substance (or a mixture of the same category) over the whole quantity.
    const explicit = categories.length > 0 ? betaCategoryOf(categories, rules) : undefined
    const fallback = pureCategory ? findHazardCategory(pureCategory) : undefined
    const category = rowTable3 ? null : (explicit ?? fallback ?? null)
    return {
      index,
      name: substanceDisplayName(row),
      cas: cas ?? row.cas[0] ?? null,
      table1Row: row.row,
      mixture,
      quantityT: input.quantityT,
      criticalQuantityT: row.criticalQuantityT,
      criticalQuantitySource: 'table1',
      quantityCategory: null,
      beta: rowTable3 ? rowTable3.beta : (category?.beta ?? null),
      betaSource: rowTable3 ? 'table3' : category ? 'table4' : null,
      betaCategory: category?.symbol ?? null,
      ratio: input.quantityT / row.criticalQuantityT,
    }
  }

  if (input.row !== undefined) {
    // The row exists but another identifier contradicts it.
    return fail('unknown_substance', `${at}.row`, `表1第${input.row}行与所给CAS号或名称不符`, `row ${input.row} of Table 1 does not match the CAS number or name given`)
  }
  if (categories.length === 0) {
    if (!named) {
      return fail('missing_substance', at, '应给出CAS号、名称、表1序号或危险性类别', 'give a CAS number, name, Table 1 row or hazard category')
    }
    return fail(
      'unknown_substance',
      input.name !== undefined ? `${at}.name` : `${at}.cas`,
      '不在GB 18218-2018表1中，请注明其危险性类别（表2）',
      'not in GB 18218-2018 Table 1; give its hazard category (Table 2)',
    )
  }
  const name = input.name ?? cas ?? categories.map((category) => `${category.symbol} ${category.hazardClass.zh}`).join('，')
  return fromCategories({ index, name, cas, table1Row: null, mixture: input.mixture === true, quantityT: input.quantityT, categories, table3, rules })
}

/** Q from Table 2 by category; β from Table 3 when the substance is a named toxic gas (e.g. CO), else Table 4. */
function fromCategories(args: {
  index: number
  name: string
  cas: string | null
  table1Row: number | null
  mixture: boolean
  quantityT: number
  categories: readonly HazardCategory[]
  table3: { beta: number } | undefined
  rules: MajorHazardRules
}): ResolvedSubstance {
  const governing = governingCategory(args.categories, args.rules)
  const forBeta = betaCategoryOf(args.categories, args.rules)
  return {
    index: args.index,
    name: args.name,
    cas: args.cas,
    table1Row: args.table1Row,
    mixture: args.mixture,
    quantityT: args.quantityT,
    criticalQuantityT: governing.criticalQuantityT,
    criticalQuantitySource: 'table2',
    quantityCategory: governing.symbol,
    beta: args.table3 ? args.table3.beta : forBeta.beta,
    betaSource: args.table3 ? 'table3' : 'table4',
    betaCategory: args.table3 ? null : forBeta.symbol,
    ratio: args.quantityT / governing.criticalQuantityT,
  }
}
