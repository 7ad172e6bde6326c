/**
 * A situation report as a Word document in the layout of official documents (党政机关公文格式
 * GB/T 9704, loosely): 发文单位 in red at the head above a red rule, the title in 小标宋-style
 * bold centred, the body in 仿宋 三号 (16 pt) with first-line indent, the headings 一、二、三、
 * in 黑体, then 签发人 and the date at the right.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx'
import { formatChineseDate } from '@yingji/domain/incidents/sitrepText'

export interface SitrepDocument {
  title: string
  issuer: string
  signer: string
  number: number
  reportDate: Date
  sections: { heading: string; text: string }[]
}

const body = (text: string) => new Paragraph({
  children: [new TextRun({ text, font: '仿宋', size: 32 })],
  indent: { firstLine: 640 },
  spacing: { line: 560 },
})

export async function sitrepDocx(doc: SitrepDocument): Promise<Buffer> {
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.issuer, font: '方正小标宋简体', size: 52, color: 'C00000', bold: true })],
      spacing: { after: 120 },
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `续报第${doc.number}期`, font: '仿宋', size: 32 })],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } },
      spacing: { after: 400 },
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.title, font: '方正小标宋简体', size: 44, bold: true })],
      spacing: { after: 400 },
    }),
  ]
  for (const section of doc.sections) {
    paragraphs.push(new Paragraph({ children: [new TextRun({ text: section.heading, font: '黑体', size: 32 })], indent: { firstLine: 640 }, spacing: { line: 560 } }))
    for (const line of section.text.split('\n').map((l) => l.trim()).filter(Boolean)) paragraphs.push(body(line))
  }
  paragraphs.push(
    new Paragraph({ children: [], spacing: { after: 400 } }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `签发人：${doc.signer}`, font: '仿宋', size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.issuer, font: '仿宋', size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: formatChineseDate(doc.reportDate), font: '仿宋', size: 32 })] }),
  )
  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children: paragraphs }],
  })
  return Packer.toBuffer(document)
}
