/**
 * Reads one file out of a .zip (a .docx or .xlsx) with Node's zlib, so tests can look inside
 * generated documents without another dependency. Handles stored and deflated entries.
 */
import zlib from 'node:zlib'

export function zipEntry(zip: Buffer, name: string): Buffer | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip file')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10)
    const compressedSize = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const localHeader = zip.readUInt32LE(at + 42)
    const entryName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    if (entryName === name) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28)
      const data = zip.subarray(dataStart, dataStart + compressedSize)
      return method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data)
    }
    at += 46 + nameLength + extraLength + commentLength
  }
  return null
}

/** The visible text of a .docx body: the `<w:t>` runs, paragraphs separated by newlines. */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8') ?? ''
  return xml.split('</w:p>').map((paragraph) =>
    [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter(Boolean).join('\n')
}
