import { Result } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'

/** 队伍推荐: rescue-team recommendation. */
export function TeamsPage() {
  const { t } = useI18n()
  return <Result title={t('dispatch.placeholder')} />
}
