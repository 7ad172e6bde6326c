import { useState } from 'react'
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { useCanWrite } from '../../../components/registry/session.tsx'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useTeamMembers, type Certificate, type Member } from '../api/get-team-members.ts'
import { useMemberMutations } from '../api/team-member-mutations.ts'
import { MemberFormDrawer } from './MemberFormDrawer.tsx'

const certificateColors: Record<Certificate['state'], string> = { valid: 'green', expiring: 'orange', expired: 'red', no_expiry: 'default' }

/** A certificate with its state: 有效, 即将到期, 已过期, 长期有效. */
export function CertificateTag({ certificate }: { certificate: Certificate }) {
  const { t } = useI18n()
  const when = certificate.expiresOn ? ` · ${certificate.expiresOn}` : ''
  return (
    <Tag color={certificateColors[certificate.state]} style={{ marginBottom: 2 }}>
      {certificate.name}{when} · {t(`certificate.state.${certificate.state}`)}
    </Tag>
  )
}

/** A team's members: role, skills, certificates with their expiry state. */
export function TeamMembers({ teamId }: { teamId: string }) {
  const { t } = useI18n()
  const members = useTeamMembers(teamId)
  const canWrite = useCanWrite({ enterprises: true })
  const { remove } = useMemberMutations(teamId)
  // undefined: closed; null: a new member.
  const [editing, setEditing] = useState<Member | null | undefined>(undefined)
  return (
    <>
      <Space style={{ display: 'flex', justifyContent: 'space-between', margin: '20px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('team.members')}</Typography.Title>
        {canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{t('team.addMember')}</Button>}
      </Space>
      <Table<Member>
        size="small"
        rowKey="id"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        data-testid="team-members"
        columns={[
          { title: t('expert.name'), dataIndex: 'name' },
          { title: t('team.role'), dataIndex: 'role', render: (role: string | null) => role ?? '—' },
          { title: t('registry.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
          { title: t('team.skills'), dataIndex: 'skills', render: (skills: string[]) => skills.join('、') || '—' },
          { title: t('team.certificates'), dataIndex: 'certificates', render: (certificates: Certificate[]) => certificates.map((c, i) => <CertificateTag key={i} certificate={c} />) },
          ...(canWrite ? [{
            title: t('registry.actions'), key: 'actions',
            render: (_: unknown, member: Member) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(member)} aria-label={t('registry.edit')} />
                <Popconfirm title={t('registry.deleteConfirm', { name: member.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync(member.id)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('registry.delete')} />
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <MemberFormDrawer teamId={teamId} member={editing} onClose={() => setEditing(undefined)} />
    </>
  )
}
