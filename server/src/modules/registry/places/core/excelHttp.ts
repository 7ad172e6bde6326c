/** Excel over HTTP for the place registries: sending a workbook, taking an upload. */
import type { FastifyReply } from 'fastify'
import { Type } from '@fastify/type-provider-typebox'
import { xlsxMediaType } from '../../../../http/app.ts'
import { AppError } from '../../../../http/errors.ts'

/** The OpenAPI shape of a downloaded file (Buffers are sent as they are, not serialised). */
export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 工作簿（.xlsx）· Excel workbook' })

/** Sends a file as an attachment; the Chinese name goes in `filename*` (RFC 6266), the ASCII one as fallback. */
export function sendFile(reply: FastifyReply, body: Buffer, mediaType: string, asciiName: string, chineseName: string) {
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`)
    .send(body)
}

export const sendXlsx = (reply: FastifyReply, body: Buffer, asciiName: string, chineseName: string) =>
  sendFile(reply, body, xlsxMediaType, asciiName, chineseName)

/** The raw .xlsx body of an import, or a 400 when the upload is something else. */
export function uploadedWorkbook(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body
  throw new AppError('invalid', 'xlsx_expected', `请上传 Excel 文件（Content-Type: ${xlsxMediaType}）`,
    `Upload an Excel file (Content-Type: ${xlsxMediaType})`, 'body')
}
