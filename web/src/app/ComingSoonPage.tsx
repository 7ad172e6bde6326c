import { Button, Result } from 'antd'
import { ToolOutlined } from '@ant-design/icons'
import { useNavigate } from 'react-router'
import { useI18n } from '../i18n/i18n.tsx'
import type { ModuleEntry } from './navigation.tsx'

/** A module that is 建设中 (coming): shown in the menu, explained here. */
export function ComingSoonPage({ entry }: { entry: ModuleEntry }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  return (
    <Result
      icon={<ToolOutlined style={{ color: '#faad14' }} />}
      title={t('coming.title', { module: t(entry.label) })}
      subTitle={t('coming.body')}
      extra={<Button type="primary" onClick={() => navigate('/map')}>{t('coming.back')}</Button>}
    />
  )
}
