import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 公众预警 (`/alerts`): active warnings on a map, no login. */
export function PublicWarningsPage() {
  const { t } = useI18n()
  return <Result title={t('warnings.placeholder')} />
}
