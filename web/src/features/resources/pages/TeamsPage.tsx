import { useMemo } from 'react'
import { Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumLabel, enumOptions, LocationFields, locationInput } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { hazardKeys, teamLevels, teamStatuses, teamTypes, teams, type Team, type TeamInput, type TeamStatus } from '../api/teams.ts'
import { CertificateWarnings } from '../components/CertificateWarnings.tsx'
import { TeamMembers } from '../components/TeamMembers.tsx'

/** 战备状态 colours: 待命 green, 出动 orange, 休整 blue, 不可用 grey. */
export const teamStatusColors: Record<TeamStatus, string> = { ready: 'green', deployed: 'orange', resting: 'blue', unavailable: 'default' }

/** 救援队伍: professional and social forces, their readiness, capabilities, members and certificates. */
export function TeamsPage() {
  const { t } = useI18n()
  const columns = useMemo(() => [
    { title: t('registry.name'), dataIndex: 'name', render: (name: string, row: Team) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('registry.type'), dataIndex: 'type', render: (value: string) => enumLabel(t, 'team.type', value) },
    { title: t('registry.level'), dataIndex: 'level', render: (value: string) => enumLabel(t, 'team.level', value) },
    { title: t('team.status'), dataIndex: 'status', render: (value: TeamStatus) => <Tag color={teamStatusColors[value]}>{enumLabel(t, 'team.status', value)}</Tag> },
    { title: t('team.headcount'), dataIndex: 'headcount', align: 'right' as const },
    { title: t('team.capabilities'), dataIndex: 'capabilities', render: (values: string[]) => values.map((value) => <Tag key={value}>{enumLabel(t, 'hazard', value)}</Tag>) },
    { title: t('team.leader'), dataIndex: 'leaderName', render: (name: string | null, row: Team) => (name ? `${name} ${row.leaderPhone ?? ''}` : '—') },
    { title: t('registry.division'), dataIndex: 'divisionName' },
    { title: t('team.equipment'), dataIndex: 'equipment', render: (items: Team['equipment']) => items.map((item) => `${item.name}×${item.quantity}`).join('、') || '—' },
  ], [t])
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]

  return (
    <>
      <CertificateWarnings />
      <RegistryListPage<Team, Team, TeamInput>
        resource={teams}
        title={t('team.title')}
        testId="teams"
        columns={columns}
        nameOf={(row) => row.name}
        enterpriseWritable="all"
        filters={[
          { name: 'type', placeholder: t('registry.type'), options: enumOptions(t, 'team.type', teamTypes) },
          { name: 'status', placeholder: t('team.status'), options: enumOptions(t, 'team.status', teamStatuses) },
          { name: 'capability', placeholder: t('team.capabilities'), options: enumOptions(t, 'hazard', hazardKeys) },
        ]}
        excel={{ fileStem: t('team.title') }}
        detailExtra={(row) => <TeamMembers teamId={row.id} />}
        form={{
          width: 600,
          initial: { type: 'comprehensive', level: 'township', status: 'ready', headcount: 0, capabilities: [], equipment: [] },
          fromDetail: (team) => team,
          toInput: (values) => ({ ...values, location: locationInput(values.location), equipment: values.equipment ?? [] }),
          fields: (
            <>
              <Form.Item name="name" label={t('registry.name')} rules={required(t('registry.name'))}><Input maxLength={100} /></Form.Item>
              <Row gutter={12}>
                <Col span={8}><Form.Item name="type" label={t('registry.type')} rules={required(t('registry.type'))}><Select options={enumOptions(t, 'team.type', teamTypes)} /></Form.Item></Col>
                <Col span={8}><Form.Item name="level" label={t('registry.level')} rules={required(t('registry.level'))}><Select options={enumOptions(t, 'team.level', teamLevels)} /></Form.Item></Col>
                <Col span={8}><Form.Item name="status" label={t('team.status')}><Select options={enumOptions(t, 'team.status', teamStatuses)} /></Form.Item></Col>
              </Row>
              <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
              <Form.Item name="capabilities" label={t('team.capabilities')}><Select mode="multiple" options={enumOptions(t, 'hazard', hazardKeys)} /></Form.Item>
              <Row gutter={12}>
                <Col span={8}><Form.Item name="headcount" label={t('team.headcount')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={8}><Form.Item name="leaderName" label={t('team.leader')}><Input maxLength={50} /></Form.Item></Col>
                <Col span={8}><Form.Item name="leaderPhone" label={t('registry.phone')}><Input maxLength={30} /></Form.Item></Col>
              </Row>
              <Form.Item name="baseAddress" label={t('team.base')}><Input maxLength={200} /></Form.Item>
              <LocationFields />
            </>
          ),
        }}
      />
    </>
  )
}
