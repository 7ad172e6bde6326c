import { useEffect, useState } from 'react'
import { Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { formatSpan } from './format.ts'

/** One clock for every countdown on the page: re-renders its users each second. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/**
 * A live countdown to a deadline: 剩余 h:mm:ss, orange in the last quarter hour, red and
 * counting up once overdue; 已完成 when done.
 */
export function Countdown({ dueAt, done, testId = 'countdown' }: { dueAt: string | null | undefined; done?: boolean; testId?: string }) {
  const { t } = useI18n()
  const now = useNow()
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>
  if (done) return <Typography.Text type="success" data-testid={testId} data-state="done">{t('incidents.deadlineDone')}</Typography.Text>
  const left = new Date(dueAt).getTime() - now
  const state = left < 0 ? 'overdue' : left < 15 * 60_000 ? 'soon' : 'running'
  return (
    <Typography.Text
      data-testid={testId}
      data-state={state}
      type={state === 'overdue' ? 'danger' : state === 'soon' ? 'warning' : undefined}
      strong={state !== 'running'}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {state === 'overdue' ? t('incidents.overdueBy', { span: formatSpan(left) }) : t('incidents.timeLeft', { span: formatSpan(left) })}
    </Typography.Text>
  )
}
