import { lazy, Suspense } from 'react'
import { Spin } from 'antd'
import { Navigate, Route, Routes } from 'react-router'
import { InboxOutlined, NotificationOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { WarningsListPage } from './WarningsListPage.tsx'
import { authorRoles, subscriberWriterRoles } from '../components/permissions.ts'

// Pages with the map or ECharts load when first opened.
const WarningEditPage = lazy(() => import('./WarningEditPage.tsx').then((module) => ({ default: module.WarningEditPage })))
const WarningDetailPage = lazy(() => import('./WarningDetailPage.tsx').then((module) => ({ default: module.WarningDetailPage })))
const InboxPage = lazy(() => import('./InboxPage.tsx').then((module) => ({ default: module.InboxPage })))
const SubscribersPage = lazy(() => import('./SubscribersPage.tsx').then((module) => ({ default: module.SubscribersPage })))

const spin = <Spin style={{ display: 'block', margin: 48 }} />

/** 预警发布 (`/warnings/*`): the list, authoring (also from an alarm: `/warnings/new?alarmId=`), detail, recipients. */
export function WarningsArea() {
  const { t } = useI18n()
  const { role } = useRegistrySession()
  return (
    <SectionLayout
      testId="warnings-area"
      entries={[
        { path: '/warnings/list', label: t('warnings.list'), icon: <NotificationOutlined /> },
        ...(authorRoles.includes(role) ? [{ path: '/warnings/new', label: t('warnings.new'), icon: <PlusOutlined /> }] : []),
        { path: '/warnings/inbox', label: t('warnings.inbox'), icon: <InboxOutlined /> },
        ...(subscriberWriterRoles.includes(role) ? [{ path: '/warnings/subscribers', label: t('warnings.subscribers'), icon: <TeamOutlined /> }] : []),
      ]}
    >
      <Suspense fallback={spin}>
        <Routes>
          <Route index element={<Navigate to="list" replace />} />
          <Route path="list" element={<WarningsListPage />} />
          <Route path="new" element={<WarningEditPage key="new" />} />
          <Route path="subscribers" element={<SubscribersPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path=":id/edit" element={<WarningEditPage />} />
          <Route path=":id" element={<WarningDetailPage />} />
          <Route path="*" element={<Navigate to="list" replace />} />
        </Routes>
      </Suspense>
    </SectionLayout>
  )
}
