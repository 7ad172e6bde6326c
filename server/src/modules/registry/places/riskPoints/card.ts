/**
 * 一牌: the printable risk notification card (安全风险告知卡) of one risk point, as Word
 * (.docx): the four-colour band with the level, the facts, hazards, control measures,
 * emergency measures and the phone numbers to call.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { riskLevelInfo } from '@yingji/domain/risk/riskLevel'
import { controlLevelNames } from './controlMeasuresText.ts'
import type { RiskPointView } from './service.ts'

/** Print colours of the four levels, and the text colour readable on each. */
const bandColours: Record<RiskPointView['colour'], { fill: string; text: string }> = {
  red: { fill: 'E60012', text: 'FFFFFF' },
  orange: { fill: 'F39800', text: 'FFFFFF' },
  yellow: { fill: 'FFF100', text: '000000' },
  blue: { fill: '0068B7', text: 'FFFFFF' },
}

/** Numbers every card carries (national short numbers). */
const publicNumbers = '火警 119　急救 120　报警 110　安全生产举报 12350'

const font = 'SimSun'
const run = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text, font, size: options.size ?? 22, bold: options.bold ?? false, ...(options.color ? { color: options.color } : {}) })

const heading = (text: string) => new Paragraph({ spacing: { before: 200, after: 80 }, children: [run(text, { bold: true, size: 26 })] })
const lines = (text: string) => (text.trim() === '' ? ['（未填写）'] : text.split(/\r?\n/)).map((line) => new Paragraph({ children: [run(line)] }))

const cell = (text: string, widthPct: number, bold = false) => new TableCell({
  width: { size: widthPct, type: WidthType.PERCENTAGE },
  children: [new Paragraph({ children: [run(text, { bold })] })],
})

export function formula(p: RiskPointView): string {
  return p.method === 'LEC'
    ? `LEC 法：D = L × E × C = ${p.likelihood} × ${p.exposure} × ${p.consequence} = ${p.score}`
    : `LS 法：R = L × S = ${p.likelihood} × ${p.severity} = ${p.score}`
}

export async function riskCardDocx(p: RiskPointView, issuer: string): Promise<Buffer> {
  const info = riskLevelInfo[p.level]
  const colour = bandColours[p.colour]
  const band = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({
      children: [new TableCell({
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: colour.fill },
        children: [new Paragraph({
          alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 },
          children: [run(`${info.name.zh}（${info.colourName.zh}色）`, { bold: true, size: 40, color: colour.text })],
        })],
      })],
    })],
  })
  const facts: [string, string][] = [
    ['风险点名称', p.name],
    ['所在区划', p.divisionName ?? p.divisionCode],
    ['场所类型', p.placeType || '—'],
    ['风险评价', `${formula(p)}${p.bandLabel ? `（${p.bandLabel}）` : ''}`],
    ['风险等级', `${info.name.zh} · ${info.colourName.zh}色`],
    ['可能导致的事故', p.consequences || '—'],
    ['责任人', p.responsiblePerson || '—'],
    ['联系电话', p.responsiblePhone || '—'],
    ['复评日期', p.reviewDate ?? '—'],
  ]
  const factTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: { style: BorderStyle.SINGLE, size: 4, color: '999999' }, bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999' } },
    rows: facts.map(([label, value]) => new TableRow({ children: [cell(label, 25, true), cell(value, 75)] })),
  })
  const measures = p.controlMeasures.length === 0
    ? [new Paragraph({ children: [run('（未填写）')] })]
    : p.controlMeasures.map((m, i) => new Paragraph({
      children: [run(`${i + 1}. 【${controlLevelNames[m.level].zh}级】${m.measure}${m.person ? `（责任人：${m.person}）` : ''}`)],
    }))
  const document = new Document({
    creator: 'Yingji 应急',
    title: `安全风险告知卡 ${p.name}`,
    sections: [{
      properties: { page: { margin: { top: 900, bottom: 900, left: 1000, right: 1000 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run('安全风险告知卡', { bold: true, size: 48 })] }),
        band,
        heading('基本信息'),
        factTable,
        heading('主要危险因素'),
        ...lines(p.hazards),
        heading('管控措施'),
        ...measures,
        heading('应急处置措施'),
        ...lines(p.emergencyMeasures),
        heading('应急电话'),
        new Paragraph({ children: [run(`责任人 ${p.responsiblePerson || '—'}：${p.responsiblePhone || '—'}`)] }),
        new Paragraph({ children: [run(publicNumbers)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 300 }, children: [run(issuer, { size: 18, color: '666666' })] }),
        ...(p.synthetic ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('演示数据，非真实信息', { size: 18, color: '999999' })] })] : []),
      ],
    }],
  })
  return Packer.toBuffer(document)
}
