import { Navigate, Route, Routes } from 'react-router'
import { AppstoreOutlined, ContainerOutlined, FileProtectOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { SectionLayout } from '../../../components/registry/SectionLayout.tsx'
import { DepotsPage } from './DepotsPage.tsx'
import { ReservesPage } from './ReservesPage.tsx'
import { StockPage } from './StockPage.tsx'
import { SuppliesPage } from './SuppliesPage.tsx'
import { TeamsPage } from './TeamsPage.tsx'

/** 资源保障 (`/resources/*`): depots and stock, the supplies catalogue, reserves, rescue teams. */
export function ResourcesArea() {
  const { t } = useI18n()
  return (
    <SectionLayout
      testId="resources-area"
      entries={[
        { path: '/resources/depots', label: t('depot.title'), icon: <ShopOutlined /> },
        { path: '/resources/stock', label: t('stock.title'), icon: <ContainerOutlined /> },
        { path: '/resources/supplies', label: t('supply.title'), icon: <AppstoreOutlined /> },
        { path: '/resources/reserves', label: t('reserve.title'), icon: <FileProtectOutlined /> },
        { path: '/resources/teams', label: t('team.title'), icon: <TeamOutlined /> },
      ]}
    >
      <Routes>
        <Route index element={<Navigate to="depots" replace />} />
        <Route path="depots" element={<DepotsPage />} />
        <Route path="stock" element={<StockPage />} />
        <Route path="supplies" element={<SuppliesPage />} />
        <Route path="reserves" element={<ReservesPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="*" element={<Navigate to="depots" replace />} />
      </Routes>
    </SectionLayout>
  )
}
