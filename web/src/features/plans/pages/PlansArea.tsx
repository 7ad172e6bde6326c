import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 应急预案 (`/plans/*`). */
export function PlansArea() {
  const { t } = useI18n()
  return <Result title={t('plans.placeholder')} />
}
