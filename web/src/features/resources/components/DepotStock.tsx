import { Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useStock } from '../api/get-stock.ts'
import { StockTable } from './StockTable.tsx'

/** One depot's stock, shown in its detail drawer. */
export function DepotStock({ depotId }: { depotId: string }) {
  const { t } = useI18n()
  const stock = useStock({ depotId, page: 1, pageSize: 200 })
  return (
    <>
      <Typography.Title level={5} style={{ margin: '20px 0 8px' }}>{t('stock.title')}</Typography.Title>
      <StockTable items={stock.data?.items ?? []} loading={stock.isPending} withoutDepot />
    </>
  )
}
