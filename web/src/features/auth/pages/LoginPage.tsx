import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { LockOutlined, SafetyCertificateTwoTone, UserOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useLogin, type LoginInput } from '../api/login.ts'
import type { Me } from '../api/types.ts'
import styles from './AuthCard.module.css'

export interface LoginPageProps {
  onLoggedIn: (user: Me) => void
  /** The 中文/English switch, supplied by the app. */
  languageSwitch: ReactNode
}

/** 用户登录: username and password; the server's message is shown on failure. */
export function LoginPage({ onLoggedIn, languageSwitch }: LoginPageProps) {
  const { t, locale } = useI18n()
  const login = useLogin()
  const submit = (values: LoginInput) => login.mutate(values, { onSuccess: ({ user }) => onLoggedIn(user) })

  return (
    <div className={styles.screen}>
      <div className={styles.corner}>{languageSwitch}</div>
      <Card className={styles.card}>
        <div className={styles.brand}>
          <SafetyCertificateTwoTone twoToneColor="#d4380d" style={{ fontSize: 44 }} />
          <Typography.Title level={1}>{t('app.title')} · {t('app.city')}</Typography.Title>
          <Typography.Text type="secondary">{t('login.title')}</Typography.Text>
        </div>
        {login.isError && (
          <Alert type="error" showIcon title={errorText(login.error, locale)} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginInput> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        {/* The public warnings page needs no account: one link for residents who land here. */}
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <a href="/alerts" data-testid="public-alerts-link">{t('login.publicAlerts')}</a>
        </div>
      </Card>
    </div>
  )
}
