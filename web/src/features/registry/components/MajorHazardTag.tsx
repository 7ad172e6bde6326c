import { Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MajorHazardLevel } from '../api/enterprises.ts'

/** 一级 red, 二级 orange, 三级 yellow, 四级 blue: the usual colours of major hazard levels. */
const levelColors: Record<MajorHazardLevel, string> = { 1: 'red', 2: 'orange', 3: 'gold', 4: 'blue' }
export const majorHazardHex: Record<MajorHazardLevel, string> = { 1: '#e8262b', 2: '#fa8c16', 3: '#f5c400', 4: '#1f6fe0' }

/** A major hazard level (重大危险源 一级 … 四级), or nothing when the unit or enterprise is not one. */
export function MajorHazardTag({ level, empty = null }: { level: MajorHazardLevel | null; empty?: React.ReactNode }) {
  const { t } = useI18n()
  if (level === null) return <>{empty}</>
  return <Tag color={levelColors[level]} data-testid="major-hazard-level">{t(`majorHazard.level.${level}`)}</Tag>
}
