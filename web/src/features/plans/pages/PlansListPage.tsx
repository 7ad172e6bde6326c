import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { Button, Card, Input, Select, Space, Switch, Table, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { enumLabel, enumOptions } from '../../../components/registry/fields.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { usePlans, type PlanFilters } from '../api/plans.ts'
import { planStatuses, planTypes, planWriterRoles, type PlanStatus, type PlanSummary } from '../api/types.ts'
import { PlanFlagTags } from '../components/PlanFlagTags.tsx'

export const statusColors: Record<PlanStatus, string> = { draft: 'default', effective: 'green', superseded: 'volcano' }

/** 预案库: the plans the user can see, with their filing, revision and drill flags. */
export function PlansListPage() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { role } = useRegistrySession()
  const [filters, setFilters] = useState<PlanFilters>({})
  const { data, isLoading } = usePlans(filters)

  const columns = [
    {
      title: t('plans.name'), dataIndex: 'name',
      render: (name: string, row: PlanSummary) => <><Link to={`/plans/${row.id}`}>{name}</Link> <SyntheticTag synthetic={row.synthetic} /></>,
    },
    { title: t('plans.type'), dataIndex: 'type', render: (v: string) => enumLabel(t, 'plans.type', v) },
    { title: t('plans.hazards'), dataIndex: 'hazardTypes', render: (v: string[]) => (v.length === 0 ? t('plans.hazardsAll') : v.map((h) => <Tag key={h}>{enumLabel(t, 'plans.hazard', h)}</Tag>)) },
    { title: t('plans.owner'), dataIndex: 'ownerDepartment' },
    { title: t('plans.status'), dataIndex: 'status', render: (v: PlanStatus) => <Tag color={statusColors[v]}>{enumLabel(t, 'plans.status', v)}</Tag> },
    { title: t('plans.filing'), dataIndex: 'filingStatus', render: (v: string) => enumLabel(t, 'plans.filing', v) },
    { title: t('plans.lastDrill'), dataIndex: 'lastDrillOn', render: (v: string | null) => v ?? t('plans.never') },
    { title: t('plans.flags'), dataIndex: 'flags', render: (flags: PlanSummary['flags']) => <PlanFlagTags flags={flags} /> },
  ]

  return (
    <Card
      title={t('plans.list')}
      data-testid="plans-list"
      extra={planWriterRoles.includes(role) && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')}>{t('plans.new')}</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('plans.search')} onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))} style={{ width: 220 }} />
        <Select allowClear placeholder={t('plans.type')} style={{ width: 170 }} options={enumOptions(t, 'plans.type', planTypes)} onChange={(type) => setFilters((f) => ({ ...f, type }))} />
        <Select allowClear placeholder={t('plans.status')} style={{ width: 120 }} options={enumOptions(t, 'plans.status', planStatuses)} onChange={(status) => setFilters((f) => ({ ...f, status }))} />
        <Space><Switch size="small" onChange={(flagged) => setFilters((f) => ({ ...f, flagged }))} data-testid="flagged-only" />{t('plans.flaggedOnly')}</Space>
      </Space>
      <Table<PlanSummary> rowKey="id" size="middle" loading={isLoading} dataSource={data?.items ?? []} columns={columns} pagination={false} />
    </Card>
  )
}
