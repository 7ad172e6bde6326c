/**
 * Lookups in the GB 18218-2018 catalogues: Table 1 named substances (危险化学品名称及其临界量),
 * Table 2/4 hazard categories, Table 3 toxic gases.
 */
import { normalizeCas } from './cas.ts'
import { hazardCategories, hazardCategorySymbols, type HazardCategory, type HazardCategorySymbol } from './data/hazardCategories.ts'
import { table1Substances, type Table1Substance } from './data/table1Substances.ts'
import { table3ToxicGases, type ToxicGasBeta } from './data/table3ToxicGases.ts'

/** Names compare after trimming, folding full-width ASCII (（）＞％) and letter case. */
export function normalizeSubstanceName(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toLowerCase()
}

/** The name as printed in Table 1, with its condition: 甲醛（含量>90%）. */
export function substanceDisplayName(substance: Table1Substance): string {
  return substance.condition ? `${substance.name}（${substance.condition.zh}）` : substance.name
}

function namesOf(substance: Table1Substance): string[] {
  return [substance.name, substanceDisplayName(substance), substance.nameEn, ...substance.aliases].map(normalizeSubstanceName)
}

const byName = new Map<string, Table1Substance[]>()
for (const substance of table1Substances) {
  for (const name of new Set(namesOf(substance))) byName.set(name, [...(byName.get(name) ?? []), substance])
}

/** The Table 1 row with this 序号 (1–85). */
export function findTable1Row(row: number): Table1Substance | undefined {
  return table1Substances.find((substance) => substance.row === row)
}

/** Table 1 rows with this CAS number; several rows share one (硝化纤维素 ×6, 硝酸铵 ×2). */
export function findSubstancesByCas(cas: string): Table1Substance[] {
  const wanted = normalizeCas(cas)
  return table1Substances.filter((substance) => substance.cas.includes(wanted))
}

/**
 * Table 1 rows whose name, name with condition, English name or alias is exactly this.
 * 硝化纤维素 matches five rows; 硝化纤维素（含水≥25%） only one.
 */
export function findSubstancesByName(name: string): Table1Substance[] {
  return byName.get(normalizeSubstanceName(name)) ?? []
}

/** Rows whose names contain the text, or whose CAS starts with it — for pickers. Exact matches first. */
export function searchSubstances(text: string, limit = 20): Table1Substance[] {
  const wanted = normalizeSubstanceName(text)
  if (!wanted) return []
  const exact = findSubstancesByName(text)
  const partial = table1Substances.filter(
    (substance) => !exact.includes(substance) && (namesOf(substance).some((name) => name.includes(wanted)) || substance.cas.some((cas) => cas.startsWith(wanted))),
  )
  return [...exact, ...partial].slice(0, limit)
}

export function isHazardCategorySymbol(symbol: string): symbol is HazardCategorySymbol {
  return (hazardCategorySymbols as readonly string[]).includes(symbol)
}

/** Table 2 / Table 4 row of a category symbol such as `W5.4`. */
export function findHazardCategory(symbol: string): HazardCategory | undefined {
  return hazardCategories.find((category) => category.symbol === symbol)
}

/** The Table 3 β of a named toxic gas, by CAS or Chinese/English name. */
export function findToxicGasBeta(casOrName: string): ToxicGasBeta | undefined {
  const cas = normalizeCas(casOrName)
  const name = normalizeSubstanceName(casOrName)
  return table3ToxicGases.find((gas) => gas.cas === cas || normalizeSubstanceName(gas.name) === name || gas.nameEn === name)
}
