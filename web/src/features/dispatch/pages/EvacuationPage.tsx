import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 转移安置: evacuation to shelters and shelter coverage. */
export function EvacuationPage() {
  const { t } = useI18n()
  return <Result title={t('dispatch.placeholder')} />
}
