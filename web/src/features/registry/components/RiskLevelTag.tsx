import { Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumLabel } from '../../../components/registry/fields.tsx'
import type { RiskPoint } from '../api/risk-points.ts'
import { riskColourTag } from './risk-colours.ts'

/** 重大风险 (红) … 低风险 (蓝) as a coloured tag. */
export function RiskLevelTag({ point }: { point: Pick<RiskPoint, 'level' | 'colour'> }) {
  const { t } = useI18n()
  return <Tag color={riskColourTag[point.colour]} data-testid="risk-level">{enumLabel(t, 'risk.level', point.level)}</Tag>
}
