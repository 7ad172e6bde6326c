import { useState } from 'react'
import { Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import { SwapOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumLabel, enumOptions } from '../../../components/registry/fields.tsx'
import { useCanWrite } from '../../../components/registry/session.tsx'
import { depots } from '../api/depots.ts'
import { useStock } from '../api/get-stock.ts'
import { useStockWarnings, type BatchWarning } from '../api/get-stock-warnings.ts'
import { useMovements, type Movement } from '../api/movements.ts'
import { supplyCategories, type SupplyCategory } from '../api/supplies.ts'
import { MovementFormDrawer } from '../components/MovementFormDrawer.tsx'
import { StockTable } from '../components/StockTable.tsx'

const inbound = new Set(['in', 'transfer_in'])

/** 库存: stock on hand, warnings (below minimum, expiring) and the ledger, with the movement form. */
export function StockPage() {
  const { t } = useI18n()
  const canWrite = useCanWrite()
  const [divisionCode, setDivisionCode] = useState<string | undefined>()
  const [depotId, setDepotId] = useState<string | undefined>()
  const [category, setCategory] = useState<SupplyCategory | undefined>()
  const [recording, setRecording] = useState(false)
  const depotList = useQuery(depots.listOptions({ page: 1, pageSize: 200 }))
  const warnings = useStockWarnings({ divisionCode, depotId, days: 30 })
  const warningCount = (warnings.data?.belowMinimum.length ?? 0) + (warnings.data?.expiring.length ?? 0)

  return (
    <Card
      title={t('stock.title')}
      data-testid="stock"
      extra={canWrite && <Button type="primary" icon={<SwapOutlined />} onClick={() => setRecording(true)} data-testid="movement-create">{t('movement.create')}</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DivisionSelect value={divisionCode} onChange={setDivisionCode} placeholder={t('registry.allDivisions')} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('depot.title')}
          style={{ minWidth: 200 }}
          value={depotId}
          onChange={setDepotId}
          options={(depotList.data?.items ?? []).map((depot) => ({ value: depot.id, label: depot.name }))}
        />
        <Select allowClear placeholder={t('supply.category')} style={{ minWidth: 120 }} value={category} onChange={setCategory} options={enumOptions(t, 'supply.category', supplyCategories)} />
      </Space>
      <Tabs
        items={[
          { key: 'stock', label: t('stock.onHand'), children: <OnHand divisionCode={divisionCode} depotId={depotId} category={category} /> },
          {
            key: 'warnings',
            label: <Space size={4}>{t('stock.warnings')}{warningCount > 0 && <Tag color="red" style={{ marginInlineEnd: 0 }}>{warningCount}</Tag>}</Space>,
            children: <Warnings belowMinimum={warnings.data?.belowMinimum ?? []} expiring={warnings.data?.expiring ?? []} loading={warnings.isPending} />,
          },
          { key: 'ledger', label: t('movement.ledger'), children: <Ledger divisionCode={divisionCode} depotId={depotId} /> },
        ]}
      />
      <MovementFormDrawer open={recording} onClose={() => setRecording(false)} />
    </Card>
  )
}

function OnHand({ divisionCode, depotId, category }: { divisionCode?: string; depotId?: string; category?: SupplyCategory }) {
  const { t } = useI18n()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const stock = useStock({ divisionCode, depotId, category, page, pageSize })
  return (
    <StockTable
      items={stock.data?.items ?? []}
      loading={stock.isFetching}
      pagination={{
        current: page, pageSize, total: stock.data?.total ?? 0, showSizeChanger: true,
        showTotal: (total) => t('registry.total', { total }),
        onChange: (next, size) => {
          setPage(size === pageSize ? next : 1)
          setPageSize(size)
        },
      }}
    />
  )
}

function Warnings({ belowMinimum, expiring, loading }: { belowMinimum: Parameters<typeof StockTable>[0]['items']; expiring: BatchWarning[]; loading: boolean }) {
  const { t } = useI18n()
  return (
    <div data-testid="stock-warnings">
      <Typography.Title level={5}>{t('stock.belowMinimumTitle', { count: belowMinimum.length })}</Typography.Title>
      <StockTable items={belowMinimum} loading={loading} />
      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('stock.expiringTitle', { count: expiring.length })}</Typography.Title>
      <Table<BatchWarning>
        size="small"
        loading={loading}
        pagination={false}
        rowKey={(row) => `${row.depotId}:${row.supplyId}:${row.batchExpiry}`}
        dataSource={expiring}
        columns={[
          { title: t('depot.title'), dataIndex: 'depotName' },
          { title: t('supply.name'), dataIndex: 'supplyName' },
          { title: t('stock.quantity'), dataIndex: 'quantity', align: 'right', render: (quantity: number, row) => `${quantity.toLocaleString()} ${row.unit}` },
          { title: t('movement.batchExpiry'), dataIndex: 'batchExpiry' },
          {
            title: t('stock.state'), dataIndex: 'daysLeft',
            render: (days: number, row) => (row.expired ? <Tag color="red">{t('stock.expired', { days: -days })}</Tag> : <Tag color="orange">{t('stock.expiresIn', { days })}</Tag>),
          },
        ]}
      />
    </div>
  )
}

function Ledger({ divisionCode, depotId }: { divisionCode?: string; depotId?: string }) {
  const { t, locale } = useI18n()
  const [page, setPage] = useState(1)
  const movements = useMovements({ divisionCode, depotId, page, pageSize: 20 })
  return (
    <Table<Movement>
      size="small"
      rowKey="id"
      loading={movements.isFetching}
      dataSource={movements.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: movements.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      data-testid="movement-ledger"
      columns={[
        { title: t('movement.occurredAt'), dataIndex: 'occurredAt', render: (at: string) => new Date(at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' }) },
        { title: t('movement.kind'), dataIndex: 'kind', render: (kind: string) => <Tag color={inbound.has(kind) ? 'green' : 'volcano'}>{enumLabel(t, 'movement.ledgerKind', kind)}</Tag> },
        { title: t('depot.title'), dataIndex: 'depotName' },
        { title: t('supply.name'), dataIndex: 'supplyName' },
        {
          title: t('stock.quantity'), dataIndex: 'quantity', align: 'right',
          render: (quantity: number, row) => `${inbound.has(row.kind) ? '+' : '−'}${quantity.toLocaleString()} ${row.unit}`,
        },
        { title: t('movement.batchExpiry'), dataIndex: 'batchExpiry', render: (date: string | null) => date ?? '—' },
        { title: t('movement.reason'), dataIndex: 'reason' },
        { title: t('movement.documentNo'), dataIndex: 'documentNo' },
        { title: t('movement.actor'), dataIndex: 'actorName' },
      ]}
    />
  )
}
