/**
 * Warning identifiers in the form local data standards derive from GB/T 35965.1 (V1, cap.md §6):
 * `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`, 31 characters — ZZZZZZ the 6-digit GB/T 2260 area code,
 * DDD the 3-digit sector code (GB/T 4657), UUU the issuing unit (default 000), XX an extension
 * (default 00), the time sent in Beijing time, N a sequence digit 0–9. Whether GB/T 35965.1
 * itself prescribes this form is NV; any text without spaces, commas, < or & is a valid CAP
 * identifier, so this is one option, not a rule.
 */
import { beijingOffset, formatCapDateTime } from './capDateTime.ts'

export interface WarningIdentifierParts {
  /** 行政区划代码: 6 digits, or a 12-digit code whose first six are used */
  areaCode: string
  /** 部门代码 (GB/T 4657), 3 digits */
  sectorCode: string
  /** 单位代码, 3 digits, default 000 */
  unitCode?: string
  /** 扩展码, 2 digits, default 00 */
  extension?: string
  sent: Date
  /** 0–9: several warnings sent within one second */
  sequence?: number
}

export function formatWarningIdentifier(parts: WarningIdentifierParts): string {
  const area = /^\d{12}$/.test(parts.areaCode) ? parts.areaCode.slice(0, 6) : parts.areaCode
  const { sectorCode, unitCode = '000', extension = '00', sequence = 0 } = parts
  const checks: [boolean, string][] = [
    [/^\d{6}$/.test(area), `area code ${parts.areaCode}`],
    [/^\d{3}$/.test(sectorCode), `sector code ${sectorCode}`],
    [/^\d{3}$/.test(unitCode), `unit code ${unitCode}`],
    [/^\d{2}$/.test(extension), `extension ${extension}`],
    [Number.isInteger(sequence) && sequence >= 0 && sequence <= 9, `sequence ${sequence}`],
  ]
  const bad = checks.find(([ok]) => !ok)
  if (bad) throw new RangeError(`Invalid warning identifier part: ${bad[1]}`)
  const stamp = formatCapDateTime(parts.sent, beijingOffset).slice(0, 19).replace(/\D/g, '')
  return `${area}${sectorCode}${unitCode}${extension}_${stamp}_${sequence}`
}
