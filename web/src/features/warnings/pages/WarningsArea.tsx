import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 预警发布 (`/warnings/*`). */
export function WarningsArea() {
  const { t } = useI18n()
  return <Result title={t('warnings.placeholder')} />
}
