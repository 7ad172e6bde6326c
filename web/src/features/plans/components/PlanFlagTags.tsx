import { Tag, Tooltip } from 'antd'
import type { MessageKey } from '../../../i18n/messages.ts'
import { pick, useI18n } from '../../../i18n/i18n.tsx'
import type { PlanFlag } from '../api/types.ts'

/** Overdue (red) and due-soon (orange) flags of a plan, the reason in a tooltip. */
export function PlanFlagTags({ flags }: { flags: PlanFlag[] }) {
  const { t, locale } = useI18n()
  if (flags.length === 0) return <span style={{ color: '#8c8c8c' }}>{t('plans.noFlags')}</span>
  return (
    <>
      {flags.map((flag) => (
        <Tooltip key={flag.kind} title={pick(locale, { zh: flag.message, en: flag.messageEn })}>
          <Tag color={flag.severity === 'error' ? 'red' : 'orange'} data-testid={`flag-${flag.kind}`}>{t(`plans.flag.${flag.kind}` as MessageKey)}</Tag>
        </Tooltip>
      ))}
    </>
  )
}
