import { Navigate, Route, Routes } from 'react-router'
import { BranchesOutlined, CarOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { AllocationPage } from './AllocationPage.tsx'
import { EvacuationPage } from './EvacuationPage.tsx'
import { RoutePage } from './RoutePage.tsx'
import { TeamsPage } from './TeamsPage.tsx'

/** 调度 (`/dispatch/*`): routing and closures, team recommendation, supplies allocation, evacuation. */
export function DispatchArea() {
  const { t } = useI18n()
  return (
    <SectionLayout
      testId="dispatch-area"
      entries={[
        { path: '/dispatch/routes', label: t('dispatch.nav.routes'), icon: <BranchesOutlined /> },
        { path: '/dispatch/teams', label: t('dispatch.nav.teams'), icon: <TeamOutlined /> },
        { path: '/dispatch/allocation', label: t('dispatch.nav.allocation'), icon: <CarOutlined /> },
        { path: '/dispatch/evacuation', label: t('dispatch.nav.evacuation'), icon: <HomeOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="routes" replace />} />
        <Route path="routes" element={<RoutePage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="allocation" element={<AllocationPage />} />
        <Route path="evacuation" element={<EvacuationPage />} />
        <Route path="*" element={<Navigate to="routes" replace />} />
      </Routes>
    </SectionLayout>
  )
}
