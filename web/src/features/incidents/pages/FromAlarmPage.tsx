import { useEffect, useRef } from 'react'
import { Button, Result, Spin } from 'antd'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useIncidentFromAlarm } from '../api/incidents.ts'

/**
 * `/incidents/new?alarmId=`: one click from an alarm — the server opens the incident prefilled
 * from the alarm and its device (or returns the one already opened), then the board shows it.
 */
export function FromAlarmPage() {
  const { t, locale } = useI18n()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const alarmId = params.get('alarmId')
  const fromAlarm = useIncidentFromAlarm()
  const started = useRef<string | null>(null)

  useEffect(() => {
    if (!alarmId || started.current === alarmId) return
    started.current = alarmId
    fromAlarm.mutate(alarmId, { onSuccess: (incident) => navigate(`/incidents/${incident.id}`, { replace: true }) })
  }, [alarmId, fromAlarm, navigate])

  if (!alarmId) return <Navigate404 />
  if (fromAlarm.isError) {
    return (
      <Result
        status="error"
        title={t('incidents.fromAlarmFailed')}
        subTitle={errorText(fromAlarm.error, locale)}
        extra={<Link to="/monitoring/alarms"><Button>{t('incidents.backToAlarms')}</Button></Link>}
        data-testid="from-alarm-error"
      />
    )
  }
  return <Spin tip={t('incidents.openingFromAlarm')} size="large" style={{ display: 'block', margin: 80 }}><div style={{ height: 80 }} /></Spin>
}

function Navigate404() {
  const { t } = useI18n()
  return <Result status="404" title={t('incidents.noAlarm')} extra={<Link to="/incidents">{t('incidents.backToList')}</Link>} />
}
