import { Navigate, Route, Routes } from 'react-router'
import { AlertOutlined, BankOutlined, CalculatorOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { EnterprisesPage } from './EnterprisesPage.tsx'
import { ExpertsPage } from './ExpertsPage.tsx'
import { HazardPointsPage } from './HazardPointsPage.tsx'
import { MajorHazardPage } from './MajorHazardPage.tsx'
import { RiskPointsPage } from './RiskPointsPage.tsx'
import { SheltersPage } from './SheltersPage.tsx'

/** 企业与风险 (`/registry/*`): enterprises and major hazards, risk points, hazard points, shelters, experts. */
export function RegistryArea() {
  const { t } = useI18n()
  return (
    <SectionLayout
      testId="registry-area"
      entries={[
        { path: '/registry/enterprises', label: t('enterprise.title'), icon: <BankOutlined /> },
        { path: '/registry/major-hazard', label: t('majorHazard.nav'), icon: <CalculatorOutlined /> },
        { path: '/registry/risk-points', label: t('risk.title'), icon: <AlertOutlined /> },
        { path: '/map?layers=risk-points', label: t('risk.mapLayer'), icon: <EnvironmentOutlined /> },
        { path: '/registry/hazard-points', label: t('hazardPoint.title'), icon: <WarningOutlined /> },
        { path: '/registry/shelters', label: t('shelter.title'), icon: <HomeOutlined /> },
        { path: '/registry/experts', label: t('expert.title'), icon: <TeamOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="enterprises" replace />} />
        <Route path="enterprises" element={<EnterprisesPage />} />
        <Route path="major-hazard" element={<MajorHazardPage />} />
        <Route path="risk-points" element={<RiskPointsPage />} />
        <Route path="hazard-points" element={<HazardPointsPage />} />
        <Route path="shelters" element={<SheltersPage />} />
        <Route path="experts" element={<ExpertsPage />} />
        <Route path="*" element={<Navigate to="enterprises" replace />} />
      </Routes>
    </SectionLayout>
  )
}
