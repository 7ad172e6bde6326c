import { Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { AlarmLevel } from '../api/types.ts'
import { alarmLevelHex } from './alarm-colours.ts'

/** 蓝色 / 黄色 / 橙色 / 红色 in its colour (dark text on yellow, where white would not read). */
export function AlarmLevelTag({ level }: { level: AlarmLevel | null | undefined }) {
  const { t } = useI18n()
  if (!level) return null
  return (
    <Tag color={alarmLevelHex[level]} style={level === 'yellow' ? { color: '#3a3000' } : undefined} data-testid="alarm-level">
      {t(`monitoring.level.${level}`)}
    </Tag>
  )
}
