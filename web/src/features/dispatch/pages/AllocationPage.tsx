import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 物资调配: supplies allocation and dispatch orders. */
export function AllocationPage() {
  const { t } = useI18n()
  return <Result title={t('dispatch.placeholder')} />
}
