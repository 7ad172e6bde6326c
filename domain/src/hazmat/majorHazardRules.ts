/**
 * The parts of major-hazard identification that the standard text available to us does not
 * settle (NV in hazmat-major-hazard.md). They are configuration: pass a modified copy of
 * `defaultMajorHazardRules` to override any of them.
 */
import type { HazardCategorySymbol } from './data/hazardCategories.ts'
import { defaultTable1Categories } from './data/table1Categories.ts'

export interface MajorHazardRules {
  /** Edition to record with every result; the 2009 tables differ. */
  edition: 'GB18218-2018'
  /**
   * NV 多种危险性: a substance not in Table 1 with several hazard categories takes the
   * `lowest` critical quantity among them, or that of the `first` category given.
   */
  multiCategoryCriticalQuantity: 'lowest' | 'first'
  /**
   * NV: β of a substance with several categories — the `highest` Table 4 value among them, or
   * that of the category that `governs` Q.
   */
  multiCategoryBeta: 'highest' | 'governing'
  /**
   * NV 混合物 (clause 4.2.3, definition 3.7): with `pure_if_same_category` a mixture whose
   * hazard category is that of its named pure component (or is not given) counts as the pure
   * substance over the whole mixture quantity, otherwise it takes Table 2 by its own category;
   * with `category_only` a mixture always takes Table 2 by its own category (which must be given).
   */
  mixtureRule: 'pure_if_same_category' | 'category_only'
  /** NV: the category giving β (Table 4) to each Table 1 row (序号) not listed in Table 3. */
  table1Categories: Readonly<Record<number, HazardCategorySymbol>>
}

export const defaultMajorHazardRules: MajorHazardRules = {
  edition: 'GB18218-2018',
  multiCategoryCriticalQuantity: 'lowest',
  multiCategoryBeta: 'highest',
  mixtureRule: 'pure_if_same_category',
  table1Categories: defaultTable1Categories,
}
