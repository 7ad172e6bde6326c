import { useRef, useState, type ReactNode } from 'react'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { QueryClientProvider } from '@tanstack/react-query'
import { I18nProvider, translate, useI18n } from '../i18n/i18n.tsx'
import { errorText } from '../lib/api-error.ts'
import { createQueryClient } from '../lib/query-client.ts'
import { meQueryKey } from '../features/auth/api/get-me.ts'

const theme = {
  token: {
    colorPrimary: '#1d6fd6',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif",
  },
}

/** Language, Ant Design (with the matching locale), and the query client. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalizedAntd>
        <AntApp style={{ height: '100%' }}>
          <QueryProvider>{children}</QueryProvider>
        </AntApp>
      </LocalizedAntd>
    </I18nProvider>
  )
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n()
  return (
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  )
}

/**
 * Failed calls show as a notification in the current language; a lost session clears the
 * signed-in user, which sends every guarded route to the login page.
 */
function QueryProvider({ children }: { children: ReactNode }) {
  const { notification } = AntApp.useApp()
  const { locale } = useI18n()
  const localeRef = useRef(locale)
  localeRef.current = locale
  const [queryClient] = useState(() => {
    const client = createQueryClient({
      notify: (error) =>
        notification.error({
          title: translate(localeRef.current, 'error.title'),
          description: errorText(error, localeRef.current),
          placement: 'topRight',
        }),
      sessionExpired: () => client.setQueryData(meQueryKey, null),
    })
    return client
  })
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
