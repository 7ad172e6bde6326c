import { Navigate, Route, Routes } from 'react-router'
import { ExperimentOutlined, FileProtectOutlined } from '@ant-design/icons'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { PlanDetailPage } from './PlanDetailPage.tsx'
import { PlanEditorPage } from './PlanEditorPage.tsx'
import { PlanMatchPage } from './PlanMatchPage.tsx'
import { PlansListPage } from './PlansListPage.tsx'

/** 应急预案 (`/plans/*`): the plan library, a plan, its editor, and plan matching. */
export function PlansArea() {
  const { t } = useI18n()
  return (
    <SectionLayout
      testId="plans-area"
      entries={[
        { path: '/plans/library', label: t('plans.list'), icon: <FileProtectOutlined /> },
        { path: '/plans/match', label: t('plans.match'), icon: <ExperimentOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="library" replace />} />
        <Route path="library" element={<PlansListPage />} />
        <Route path="match" element={<PlanMatchPage />} />
        <Route path="new" element={<PlanEditorPage />} />
        <Route path=":id" element={<PlanDetailPage />} />
        <Route path=":id/edit" element={<PlanEditorPage />} />
      </Routes>
    </SectionLayout>
  )
}
