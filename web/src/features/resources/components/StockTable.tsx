import { Table, Tag, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumLabel } from '../../../components/registry/fields.tsx'
import { useCanWrite } from '../../../components/registry/session.tsx'
import type { StockItem } from '../api/get-stock.ts'
import { MinimumEditor } from './MinimumEditor.tsx'

export interface StockTableProps {
  items: StockItem[]
  loading?: boolean
  /** Hide the depot column (inside one depot's detail). */
  withoutDepot?: boolean
  pagination?: React.ComponentProps<typeof Table<StockItem>>['pagination']
}

/** Quantities on hand; below the minimum in red. */
export function StockTable({ items, loading, withoutDepot, pagination = false }: StockTableProps) {
  const { t } = useI18n()
  const canWrite = useCanWrite()
  return (
    <Table<StockItem>
      size="small"
      rowKey={(item) => `${item.depotId}:${item.supplyId}`}
      loading={loading}
      dataSource={items}
      pagination={pagination}
      data-testid="stock-table"
      columns={[
        ...(withoutDepot ? [] : [{ title: t('depot.title'), dataIndex: 'depotName' }]),
        { title: t('supply.name'), dataIndex: 'supplyName', render: (name: string, item: StockItem) => <>{name} <Typography.Text type="secondary">{item.supplyCode}</Typography.Text></> },
        { title: t('supply.category'), dataIndex: 'category', render: (category: string) => enumLabel(t, 'supply.category', category) },
        {
          title: t('stock.quantity'), dataIndex: 'quantity', align: 'right' as const,
          render: (quantity: number, item: StockItem) => (
            <Typography.Text type={item.belowMinimum ? 'danger' : undefined} strong={item.belowMinimum}>{quantity.toLocaleString()} {item.unit}</Typography.Text>
          ),
        },
        { title: t('stock.minimum'), dataIndex: 'minQuantity', align: 'right' as const, render: (min: number, item: StockItem) => <>{min.toLocaleString()} {item.unit}{canWrite && <MinimumEditor item={item} />}</> },
        { title: t('stock.state'), key: 'state', render: (_: unknown, item: StockItem) => (item.belowMinimum ? <Tag color="red">{t('stock.belowMinimum')}</Tag> : <Tag color="green">{t('stock.ok')}</Tag>) },
        { title: t('stock.nearestExpiry'), dataIndex: 'nearestExpiry', render: (date: string | null) => date ?? '—' },
      ]}
    />
  )
}
