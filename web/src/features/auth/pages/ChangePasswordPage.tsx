import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useChangePassword } from '../api/change-password.ts'
import styles from './AuthCard.module.css'

interface PasswordForm {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/** The server's policy (at least 8 characters with letters and digits) decides; this only helps. */
const minLength = 8

export interface ChangePasswordPageProps {
  /** True when the server requires a new password before anything else. */
  forced: boolean
  onDone: () => void
  onCancel: () => void
  /** The header controls (language switch, logout), supplied by the app. */
  toolbar: ReactNode
}

/** 修改密码: current password, new password twice. */
export function ChangePasswordPage({ forced, onDone, onCancel, toolbar }: ChangePasswordPageProps) {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const change = useChangePassword()
  const submit = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate({ currentPassword, newPassword }, {
      onSuccess: () => {
        message.success(t('password.saved'))
        onDone()
      },
    })

  return (
    <div className={styles.screen}>
      <div className={styles.corner}>{toolbar}</div>
      <Card className={styles.card}>
        <div className={styles.brand}>
          <LockOutlined style={{ fontSize: 36, color: '#1d6fd6' }} />
          <Typography.Title level={1}>{t('password.title')}</Typography.Title>
        </div>
        {forced && <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />}
        {change.isError && (
          <Alert type="error" showIcon title={errorText(change.error, locale)} style={{ marginBottom: 16 }} data-testid="password-error" />
        )}
        <Form<PasswordForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[
              { required: true, message: t('password.required') },
              { min: minLength, message: t('password.tooShort', { min: minLength }) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            {!forced && <Button onClick={onCancel}>{t('password.cancel')}</Button>}
            <Button type="primary" htmlType="submit" loading={change.isPending}>{t('password.submit')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  )
}
