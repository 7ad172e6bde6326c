import { lazy, Suspense, type ReactNode } from 'react'
import { Spin } from 'antd'
import { Navigate, Route, Routes } from 'react-router'
import { AlertOutlined, GlobalOutlined, RadarChartOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { AlarmsPage } from './AlarmsPage.tsx'
import { DevicesPage } from './DevicesPage.tsx'

// The device page brings ECharts (~500 kB): load it when a device is first opened.
const DevicePage = lazy(() => import('./DevicePage.tsx').then((module) => ({ default: module.DevicePage })))

/**
 * 监测预警 (`/monitoring/*`): the monitoring map (composed by the app, as it needs the geo
 * map), the alarm list, devices and a device's page.
 */
export function MonitoringArea({ map }: { map: ReactNode }) {
  const { t } = useI18n()
  return (
    <SectionLayout
      testId="monitoring-area"
      entries={[
        { path: '/monitoring/map', label: t('monitoring.map'), icon: <GlobalOutlined /> },
        { path: '/monitoring/alarms', label: t('monitoring.alarms'), icon: <AlertOutlined /> },
        { path: '/monitoring/devices', label: t('monitoring.devices'), icon: <RadarChartOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="map" replace />} />
        <Route path="map" element={map} />
        <Route path="alarms" element={<AlarmsPage />} />
        <Route path="devices" element={<DevicesPage />} />
        <Route path="devices/:id" element={<Suspense fallback={<Spin />}><DevicePage /></Suspense>} />
        <Route path="*" element={<Navigate to="map" replace />} />
      </Routes>
    </SectionLayout>
  )
}
