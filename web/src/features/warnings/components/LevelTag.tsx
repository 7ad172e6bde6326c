import { Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { WarningLevel, WarningStatus } from '../api/types.ts'
import { levelHex, levelText } from './levels.ts'

export function LevelTag({ level }: { level: WarningLevel }) {
  const { t } = useI18n()
  return (
    <Tag style={{ background: levelHex[level], borderColor: levelHex[level], color: levelText[level], fontWeight: 600 }} data-testid={`level-${level}`}>
      {t(`warnings.level.${level}`)}
    </Tag>
  )
}

const statusColour: Record<WarningStatus | 'expired', string> = {
  draft: 'default', submitted: 'processing', rejected: 'warning', issued: 'success', superseded: 'purple', cancelled: 'default', expired: 'default',
}

export function StatusTag({ status, expires }: { status: WarningStatus; expires?: string }) {
  const { t } = useI18n()
  const shown = status === 'issued' && expires && new Date(expires).getTime() < Date.now() ? 'expired' : status
  return <Tag color={statusColour[shown]} data-testid={`status-${shown}`}>{t(`warnings.status.${shown}`)}</Tag>
}
