import { lazy, Suspense, useMemo } from 'react'
import { Button, Space, Spin } from 'antd'
import { LogoutOutlined } from '@ant-design/icons'
import { createBrowserRouter, Navigate, useLocation, useNavigate } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { useI18n } from '../i18n/i18n.tsx'
import { RegistrySessionProvider } from '../components/registry/session.tsx'
import { useMe } from '../features/auth/api/get-me.ts'
import { useLogout } from '../features/auth/api/logout.ts'
import type { Me } from '../features/auth/api/types.ts'
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage.tsx'
import { LoginPage } from '../features/auth/pages/LoginPage.tsx'
import { AppLayout } from './AppLayout.tsx'
import { ComingSoonPage } from './ComingSoonPage.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { modules } from './navigation.tsx'
import { RouteError } from './RouteError.tsx'

// The map brings MapLibre (~1 MB): load it when the map is first opened, not on the login page.
const OneMapPage = lazy(() => import('./OneMapPage.tsx').then((module) => ({ default: module.OneMapPage })))
const RegistryArea = lazy(() => import('../features/registry/pages/RegistryArea.tsx').then((module) => ({ default: module.RegistryArea })))
const MonitoringArea = lazy(() => import('../features/monitoring/pages/MonitoringArea.tsx').then((module) => ({ default: module.MonitoringArea })))
const MonitoringMapPage = lazy(() => import('./MonitoringMapPage.tsx').then((module) => ({ default: module.MonitoringMapPage })))
const WarningsArea = lazy(() => import('../features/warnings/pages/WarningsArea.tsx').then((module) => ({ default: module.WarningsArea })))
const PublicWarningsPage = lazy(() => import('../features/warnings/pages/PublicWarningsPage.tsx').then((module) => ({ default: module.PublicWarningsPage })))
const PlansArea = lazy(() => import('../features/plans/pages/PlansArea.tsx').then((module) => ({ default: module.PlansArea })))
const IncidentsArea = lazy(() => import('../features/incidents/pages/IncidentsArea.tsx').then((module) => ({ default: module.IncidentsArea })))
const DispatchArea = lazy(() => import('../features/dispatch/pages/DispatchArea.tsx').then((module) => ({ default: module.DispatchArea })))
const ResourcesArea = lazy(() => import('../features/resources/pages/ResourcesArea.tsx').then((module) => ({ default: module.ResourcesArea })))

const fullScreenSpin = <Spin size="large" style={{ display: 'block', marginTop: '40vh' }} />

/** Renders `children(me)` for a signed-in user; otherwise sends them to log in or change password. */
function RequireSession({ children }: { children: (me: Me) => React.ReactNode }) {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return fullScreenSpin
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />
  if (me.data.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace />
  return <>{children(me.data)}</>
}

/** Registry pages learn the user's role and jurisdiction from here; lazy pages load inside. */
function WithRegistrySession({ me, children }: { me: Me; children: React.ReactNode }) {
  const session = useMemo(
    () => ({ userId: me.id, displayName: me.displayName, role: me.role, rootCode: me.jurisdiction.code, enterpriseId: me.enterpriseId }),
    [me.id, me.displayName, me.role, me.jurisdiction.code, me.enterpriseId],
  )
  return (
    <RegistrySessionProvider session={session}>
      <Suspense fallback={fullScreenSpin}>{children}</Suspense>
    </RegistrySessionProvider>
  )
}

function LoginRoute() {
  const me = useMe()
  const navigate = useNavigate()
  const location = useLocation()
  const from = (location.state as { from?: string } | null)?.from ?? '/map'
  if (me.isPending) return fullScreenSpin
  if (me.data) return <Navigate to={from} replace />
  return <LoginPage languageSwitch={<LanguageSwitch />} onLoggedIn={() => navigate(from, { replace: true })} />
}

function ChangePasswordRoute({ me }: { me: Me }) {
  const navigate = useNavigate()
  const logout = useLogout()
  const { t } = useI18n()
  return (
    <ChangePasswordPage
      forced={me.mustChangePassword}
      onDone={() => navigate('/map', { replace: true })}
      onCancel={() => navigate(-1)}
      toolbar={
        <Space>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
            {t('header.logout')}
          </Button>
        </Space>
      }
    />
  )
}

const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      // 公众预警: the public warnings page needs no login.
      { path: '/alerts', element: <Suspense fallback={fullScreenSpin}><PublicWarningsPage /></Suspense> },
      { path: '/change-password', element: <RequireSession>{(me) => <ChangePasswordRoute me={me} />}</RequireSession> },
      {
        element: <RequireSession>{(me) => <AppLayout me={me} />}</RequireSession>,
        children: [
          { index: true, element: <Navigate to="/map" replace /> },
          { path: '/map', element: <RequireSession>{(me) => <WithRegistrySession me={me}><OneMapPage rootCode={me.jurisdiction.code} /></WithRegistrySession>}</RequireSession> },
          { path: '/registry/*', element: <RequireSession>{(me) => <WithRegistrySession me={me}><RegistryArea /></WithRegistrySession>}</RequireSession> },
          {
            path: '/monitoring/*',
            element: <RequireSession>{(me) => <WithRegistrySession me={me}><MonitoringArea map={<MonitoringMapPage rootCode={me.jurisdiction.code} />} /></WithRegistrySession>}</RequireSession>,
          },
          { path: '/resources/*', element: <RequireSession>{(me) => <WithRegistrySession me={me}><ResourcesArea /></WithRegistrySession>}</RequireSession> },
          { path: '/warnings/*', element: <RequireSession>{(me) => <WithRegistrySession me={me}><WarningsArea /></WithRegistrySession>}</RequireSession> },
          { path: '/plans/*', element: <RequireSession>{(me) => <WithRegistrySession me={me}><PlansArea /></WithRegistrySession>}</RequireSession> },
          { path: '/incidents/*', element: <RequireSession>{(me) => <WithRegistrySession me={me}><IncidentsArea /></WithRegistrySession>}</RequireSession> },
          { path: '/dispatch/*', element: <RequireSession>{(me) => <WithRegistrySession me={me}><DispatchArea /></WithRegistrySession>}</RequireSession> },
          ...modules.filter((entry) => !entry.ready).map((entry) => ({ path: entry.path, element: <ComingSoonPage entry={entry} /> })),
          { path: '*', element: <Navigate to="/map" replace /> },
        ],
      },
    ],
  },
])

export function AppRouter() {
  return <RouterProvider router={router} />
}
