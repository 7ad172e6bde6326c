/** Enumerations stored as English keys and shown with Chinese labels (schemas, Excel, views). */
import type { EnumOption } from '../../../../excel/workbook.ts'

export const valuesOf = <T extends string>(options: readonly { value: T }[]): T[] => options.map((o) => o.value)
export const labelOf = (options: readonly EnumOption[], value: string): string => options.find((o) => o.value === value)?.label ?? value
/** `a 甲 / b 乙` for schema descriptions. */
export const describeOptions = (options: readonly EnumOption[]) => options.map((o) => `${o.value} ${o.label}`).join(' / ')
