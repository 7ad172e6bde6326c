import { Tag, Tooltip } from 'antd'
import { useI18n } from '../../i18n/i18n.tsx'

/** Marks a demo row (模拟数据): generated, not real. */
export function SyntheticTag({ synthetic }: { synthetic: boolean }) {
  const { t } = useI18n()
  if (!synthetic) return null
  return (
    <Tooltip title={t('registry.syntheticHint')}>
      <Tag color="orange" data-testid="synthetic-tag" style={{ marginInlineEnd: 0 }}>{t('registry.synthetic')}</Tag>
    </Tooltip>
  )
}
