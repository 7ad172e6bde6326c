import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 路径规划: routes and road closures on the map. */
export function RoutePage() {
  const { t } = useI18n()
  return <Result title={t('dispatch.placeholder')} />
}
