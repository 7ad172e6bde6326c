import { useState } from 'react'
import { Button, Descriptions, Drawer, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd'
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumLabel, formatLonLat } from '../../../components/registry/fields.tsx'
import { useCanWrite } from '../../../components/registry/session.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { enterprises, type EnterpriseDetail, type HazardUnit } from '../api/enterprises.ts'
import { useUnitMutations } from '../api/enterprise-units.ts'
import { MajorHazardTag } from './MajorHazardTag.tsx'
import { UnitFormDrawer } from './UnitFormDrawer.tsx'

const round = (value: number, digits = 3) => Number(value.toFixed(digits))

/** An enterprise: its facts, contacts, and production/storage units with their GB 18218 grades. */
export function EnterpriseDrawer({ enterpriseId, onClose }: { enterpriseId: string | null; onClose: () => void }) {
  const detail = useQuery({ ...enterprises.detailOptions(enterpriseId ?? ''), enabled: enterpriseId !== null })
  const enterprise = detail.data
  return (
    <Drawer
      open={enterpriseId !== null}
      size={760}
      onClose={onClose}
      destroyOnHidden
      title={enterprise ? <Space wrap>{enterprise.name}<MajorHazardTag level={enterprise.majorHazardLevel} /><SyntheticTag synthetic={enterprise.synthetic} /></Space> : ''}
      data-testid="enterprise-detail"
    >
      {!enterprise ? <Spin /> : <EnterpriseFacts enterprise={enterprise} />}
    </Drawer>
  )
}

function EnterpriseFacts({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n()
  return (
    <>
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('enterprise.uscc')} span={2}><Typography.Text copyable code>{enterprise.uscc}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('enterprise.category')}>{enumLabel(t, 'enterprise.category', enterprise.supervisionCategory)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.industryCode')}>{enterprise.industryCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registry.division')}>{enterprise.divisionName ?? enterprise.divisionCode}</Descriptions.Item>
        <Descriptions.Item label={t('registry.status')}>{enumLabel(t, 'enterprise.status', enterprise.status)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.address')} span={2}>{enterprise.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registry.location')}>{formatLonLat(enterprise.location)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.employees')}>{enterprise.employees ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.standardization')}>{enumLabel(t, 'enterprise.standardization', enterprise.standardizationLevel)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.majorHazard')}><MajorHazardTag level={enterprise.majorHazardLevel} empty={t('enterprise.notMajorHazard')} /></Descriptions.Item>
        <Descriptions.Item label={t('enterprise.contacts')} span={2}>
          {enterprise.contacts.length === 0 ? '—' : enterprise.contacts.map((contact, index) => (
            <div key={index}>{contact.name}{contact.role && ` · ${contact.role}`}{contact.phone && ` · ${contact.phone}`}</div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <UnitsTable enterprise={enterprise} />
    </>
  )
}

function UnitsTable({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n()
  const canWrite = useCanWrite({ enterprises: true })
  const { remove } = useUnitMutations(enterprise.id)
  // undefined: closed; null: a new unit.
  const [editing, setEditing] = useState<HazardUnit | null | undefined>(undefined)
  return (
    <>
      <Space style={{ display: 'flex', justifyContent: 'space-between', margin: '20px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('unit.title')}</Typography.Title>
        {canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{t('unit.add')}</Button>}
      </Space>
      <Table<HazardUnit>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={enterprise.units}
        data-testid="enterprise-units"
        expandable={{ expandedRowRender: (unit) => <SubstancesTable unit={unit} />, rowExpandable: (unit) => unit.substances.length > 0 }}
        columns={[
          { title: t('unit.name'), dataIndex: 'name' },
          { title: t('unit.kind'), dataIndex: 'kind', render: (kind: string) => enumLabel(t, 'unit.kind', kind) },
          { title: t('majorHazard.exposedPeopleShort'), dataIndex: 'exposedPeople' },
          { title: 'S = Σq/Q', dataIndex: 'sumRatio', render: (value: number) => round(value) },
          { title: 'R', dataIndex: 'R', render: (value: number, unit) => (unit.isMajor ? round(value, 2) : '—') },
          {
            title: t('majorHazard.level'), dataIndex: 'level',
            render: (_: unknown, unit) => (unit.isMajor ? <MajorHazardTag level={unit.level} /> : <Tag>{t('majorHazard.notMajor')}</Tag>),
          },
          ...(canWrite ? [{
            title: t('registry.actions'), key: 'actions',
            render: (_: unknown, unit: HazardUnit) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(unit)} aria-label={t('registry.edit')} />
                <Popconfirm title={t('registry.deleteConfirm', { name: unit.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync(unit.id)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('registry.delete')} />
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <UnitFormDrawer enterpriseId={enterprise.id} unit={editing} onClose={() => setEditing(undefined)} />
    </>
  )
}

function SubstancesTable({ unit }: { unit: HazardUnit }) {
  const { t } = useI18n()
  return (
    <Table
      size="small"
      rowKey={(_, index) => String(index)}
      pagination={false}
      dataSource={unit.substances}
      columns={[
        { title: t('majorHazard.substance'), dataIndex: 'resolvedName', render: (name: string, row) => <>{name}{row.cas && <Typography.Text type="secondary"> {row.cas}</Typography.Text>}</> },
        { title: 'q (t)', dataIndex: 'quantityT' },
        { title: 'Q (t)', dataIndex: 'criticalQuantityT' },
        { title: 'q/Q', dataIndex: 'ratio', render: (value: number) => round(value) },
        { title: 'β', dataIndex: 'beta' },
      ]}
    />
  )
}
