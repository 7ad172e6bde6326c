import { Navigate, Route, Routes } from 'react-router'
import { AimOutlined, ControlOutlined, ScheduleOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { DutyPage } from './DutyPage.tsx'
import { FromAlarmPage } from './FromAlarmPage.tsx'
import { IncidentBoardPage } from './IncidentBoardPage.tsx'
import { IncidentsPage } from './IncidentsPage.tsx'
import { ReliefThresholdsPage } from './ReliefThresholdsPage.tsx'

/** 应急指挥 (`/incidents/*`): the incident list and call form, an incident's board, the duty roster. */
export function IncidentsArea() {
  const { t } = useI18n()
  return (
    <SectionLayout
      testId="incidents-area"
      entries={[
        { path: '/incidents/list', label: t('incidents.list'), icon: <AimOutlined /> },
        { path: '/incidents/duty', label: t('incidents.duty'), icon: <ScheduleOutlined /> },
        { path: '/incidents/relief-thresholds', label: t('incidents.relief.title'), icon: <ControlOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="list" replace />} />
        <Route path="list" element={<IncidentsPage />} />
        <Route path="duty" element={<DutyPage />} />
        <Route path="relief-thresholds" element={<ReliefThresholdsPage />} />
        <Route path="new" element={<FromAlarmPage />} />
        <Route path=":id" element={<IncidentBoardPage />} />
      </Routes>
    </SectionLayout>
  )
}
