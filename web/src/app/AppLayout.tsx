import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd'
import { KeyOutlined, LogoutOutlined, SafetyCertificateTwoTone, UserOutlined } from '@ant-design/icons'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { pick, useI18n } from '../i18n/i18n.tsx'
import type { Me } from '../features/auth/api/types.ts'
import { useLogout } from '../features/auth/api/logout.ts'
import { AlarmNotifier } from '../features/monitoring/components/AlarmNotifier.tsx'
import { alarmWatcherRoles } from '../features/monitoring/components/alarm-permissions.ts'
import { NotificationBell } from '../features/incidents/components/NotificationBell.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { visibleModules } from './navigation.tsx'
import styles from './AppLayout.module.css'

/** Header (user, role, jurisdiction, language, account menu), module menu, page. */
export function AppLayout({ me }: { me: Me }) {
  const { t, locale } = useI18n()
  const navigate = useNavigate()
  const location = useLocation()
  const logout = useLogout()
  const entries = visibleModules(me.role)
  const current = entries.find((entry) => location.pathname.startsWith(entry.path))

  return (
    <Layout className={styles.shell}>
      <Layout.Header className={styles.header}>
        <Space size={10} className={styles.brand}>
          <SafetyCertificateTwoTone twoToneColor="#ff7a45" style={{ fontSize: 26 }} />
          <span className={styles.title}>{t('app.title')}</span>
          <span className={styles.city}>· {t('app.city')}</span>
        </Space>
        <Space size={16}>
          {alarmWatcherRoles.includes(me.role) && <AlarmNotifier />}
          {me.role !== 'enterprise' && <NotificationBell />}
          <Space size={8} className={styles.user} data-testid="current-user">
            <Avatar size="small" icon={<UserOutlined />} />
            <span>{me.displayName}</span>
            <Tag color="blue">{pick(locale, me.roleName)}</Tag>
            <span className={styles.jurisdiction}>{t('header.jurisdiction', { name: me.jurisdiction.name })}</span>
          </Space>
          <LanguageSwitch ghost />
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
                { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'password') navigate('/change-password')
                else logout.mutate(undefined, { onSettled: () => navigate('/login') })
              },
            }}
          >
            <Typography.Link className={styles.account} data-testid="account-menu">{me.username}</Typography.Link>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={212} theme="light" className={styles.sider}>
          <Menu
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            onClick={({ key }) => navigate(key)}
            items={entries.map((entry) => ({
              key: entry.path,
              icon: entry.icon,
              label: (
                <span className={styles.menuLabel}>
                  {t(entry.label)}
                  {!entry.ready && <Tag className={styles.coming}>{t('nav.coming')}</Tag>}
                </span>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout.Content className={styles.content}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
