/** Excel plumbing shared by the resources imports: division checks per row, download replies. */
import type { FastifyReply } from 'fastify'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { xlsxMediaType } from '../../../http/app.ts'
import { cellError, type ImportRowError, type ReadRow, type SheetColumn } from '../../../excel/workbook.ts'
import { divisionPlaces, type DivisionPlace } from '../../geo/index.ts'

/**
 * Checks the division column of every read row: a known division within the actor's
 * jurisdiction. Returns the places by code; problems are appended to `errors`.
 */
export async function checkDivisions(
  q: Queryable, actor: Actor, rows: readonly ReadRow[], column: SheetColumn, errors: ImportRowError[],
): Promise<Map<string, DivisionPlace>> {
  const codes = rows.map((r) => r.values[column.key]).filter((v): v is string => typeof v === 'string')
  const places = await divisionPlaces(q, codes)
  for (const row of rows) {
    const code = row.values[column.key]
    if (typeof code !== 'string') continue
    if (!places.has(code)) errors.push(cellError(row.rowNumber, column, `不是已登记的行政区划：${code}`, `Not a known division: ${code}`))
    else if (!isWithinDivision(code, actor.jurisdiction)) errors.push(cellError(row.rowNumber, column, '不在您的管辖范围内', 'Outside your jurisdiction'))
  }
  return places
}

/** Sends a workbook as a download named in Chinese (RFC 5987) with an ASCII fallback. */
export function sendWorkbook(reply: FastifyReply, buffer: Buffer, fileName: string, asciiName: string) {
  return reply
    .header('content-type', xlsxMediaType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer)
}

/** Route schema parts of an .xlsx download (OpenAPI shows a binary body). */
export const xlsxResponse = { 200: { type: 'string', format: 'binary', description: 'Excel (.xlsx)' } } as const
