/** Uploaded files (photos, documents) arrive as base64 in JSON bodies: decoded and checked here. */
import { invalid } from '../../http/errors.ts'

export const maxAttachmentBytes = 10 * 1024 * 1024

const magic: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 4).toString('latin1') === '%PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) => b[0] === 0x50 && b[1] === 0x4b,
}

/** A base64 file from a body, checked: decodes, not empty, within the limit, content matching its type. */
export function decodeFile(file: { mediaType: string; dataBase64: string }, field: string, limit = maxAttachmentBytes): Buffer {
  if (!/^[A-Za-z0-9+/\s]*={0,2}$/.test(file.dataBase64)) throw invalid('invalid_base64', `${field}.dataBase64`, `${field}.dataBase64 不是有效的 base64`, `${field}.dataBase64 is not valid base64`)
  const bytes = Buffer.from(file.dataBase64, 'base64')
  if (bytes.length === 0) throw invalid('empty_file', `${field}.dataBase64`, `${field} 文件为空`, `${field} is empty`)
  if (bytes.length > limit) throw invalid('file_too_large', `${field}.dataBase64`, `${field} 超过 ${limit / 1024 / 1024} MB`, `${field} is larger than ${limit / 1024 / 1024} MB`)
  if (!magic[file.mediaType]?.(bytes)) throw invalid('file_type_mismatch', `${field}.mediaType`, `${field} 的内容与类型 ${file.mediaType} 不符`, `${field}'s content does not match ${file.mediaType}`)
  return bytes
}

