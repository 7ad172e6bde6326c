import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 应急指挥 (`/incidents/*`). */
export function IncidentsArea() {
  const { t } = useI18n()
  return <Result title={t('incidents.placeholder')} />
}
