/**
 * Control measures (管控措施) in one Excel cell: one measure per line, written
 * `层级|措施|责任人`, e.g. `公司|储罐区设置可燃气体报警并联锁|张伟`.
 */
import type { ControlLevel, ControlMeasure } from './queries.ts'

/** 管控层级 */
export const controlLevelNames: Record<ControlLevel, { zh: string; en: string }> = {
  company: { zh: '公司', en: 'company' },
  workshop: { zh: '车间', en: 'workshop' },
  team: { zh: '班组', en: 'team' },
  post: { zh: '岗位', en: 'post' },
}

export const formatControlMeasures = (measures: readonly ControlMeasure[]): string =>
  measures.map((m) => [controlLevelNames[m.level].zh, m.measure, m.person].join('|')).join('\n')

/** The measures of a cell, or the first problem in Chinese and English. */
export function parseControlMeasures(text: string): { measures: ControlMeasure[] } | { error: [string, string] } {
  const measures: ControlMeasure[] = []
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  for (const [i, line] of lines.entries()) {
    const [levelText = '', measure = '', person = '', ...rest] = line.split(/[|｜]/).map((part) => part.trim())
    const level = (Object.keys(controlLevelNames) as ControlLevel[])
      .find((key) => controlLevelNames[key].zh === levelText || key === levelText.toLowerCase())
    if (!level || !measure || rest.length > 0) {
      return {
        error: [
          `第 ${i + 1} 条措施应写作“层级|措施|责任人”，层级为 公司、车间、班组 或 岗位：${line}`,
          `Measure ${i + 1} must read "level|measure|person" with level 公司, 车间, 班组 or 岗位: ${line}`,
        ],
      }
    }
    measures.push({ level, measure, person })
  }
  return { measures }
}
