import { Button, Result } from 'antd'
import { useRouteError } from 'react-router'
import { useI18n } from '../i18n/i18n.tsx'
import { errorText } from '../lib/api-error.ts'

/** The error boundary of every route: what broke, and a way out. */
export function RouteError() {
  const error = useRouteError()
  const { t, locale } = useI18n()
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={errorText(error, locale)}
      extra={<Button onClick={() => window.location.assign('/')}>{t('error.reload')}</Button>}
    />
  )
}
