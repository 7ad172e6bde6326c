import { Card, Descriptions, Empty, Table } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { Organisation, WorkingGroup } from '../api/types.ts'

/** 组织指挥体系: headquarters, commanders, member departments and working groups. */
export function PlanOrganisation({ organisation }: { organisation: Organisation | null }) {
  const { t } = useI18n()
  if (!organisation) return <Card title={t('plans.organisation')} size="small"><Empty description={t('plans.noOrganisation')} /></Card>
  return (
    <Card title={t('plans.organisation')} data-testid="plan-organisation">
      <Descriptions size="small" column={2} items={[
        { key: 'hq', label: t('plans.headquarters'), children: organisation.headquarters },
        { key: 'commander', label: t('plans.commander'), children: organisation.commander },
        { key: 'deputies', label: t('plans.deputies'), children: organisation.deputyCommanders.join('、') || '—' },
        { key: 'office', label: t('plans.office'), children: organisation.office || '—' },
        { key: 'members', label: t('plans.members'), span: 2, children: organisation.memberDepartments.join('、') || '—' },
      ]} />
      {organisation.groups.length > 0 && (
        <Table<WorkingGroup>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={organisation.groups}
          columns={[
            { title: t('plans.groupName'), dataIndex: 'name', width: 140 },
            { title: t('plans.groupLead'), dataIndex: 'lead', width: 160 },
            { title: t('plans.groupMembers'), dataIndex: 'members', render: (m: string[]) => m.join('、') || '—' },
            { title: t('plans.groupDuties'), dataIndex: 'duties' },
          ]}
        />
      )}
    </Card>
  )
}
