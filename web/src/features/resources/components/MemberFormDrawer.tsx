import { useMemo } from 'react'
import { Button, Col, Form, Input, Row, Select, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { editBody, RecordFormDrawer, withoutEmpty } from '../../../components/registry/RecordFormDrawer.tsx'
import type { Member } from '../api/get-team-members.ts'
import { useMemberMutations, type MemberInput } from '../api/team-member-mutations.ts'

export interface MemberFormDrawerProps {
  teamId: string
  /** The member being edited, `null` for a new one; `undefined` closes the drawer. */
  member: Member | null | undefined
  onClose: () => void
}

/** A team member: role, skills and certificates with their expiry dates. */
export function MemberFormDrawer({ teamId, member, onClose }: MemberFormDrawerProps) {
  const { t } = useI18n()
  const { save } = useMemberMutations(teamId)
  const initial = useMemo<Partial<MemberInput> | undefined>(() => {
    if (member === undefined) return undefined
    if (member === null) return { skills: [], certificates: [] }
    return { name: member.name, phone: member.phone, role: member.role, skills: member.skills, certificates: member.certificates.map(({ name, number, expiresOn }) => ({ name, number, expiresOn })) }
  }, [member])
  return (
    <RecordFormDrawer<MemberInput>
      open={member !== undefined}
      title={member ? t('team.memberEditTitle') : t('team.memberCreateTitle')}
      initialValues={initial}
      onClose={onClose}
      width={600}
      testId="member-form"
      onSubmit={async (values) => {
        const body = { ...values, skills: values.skills ?? [], certificates: values.certificates ?? [] }
        const input = member ? editBody(body, initial ?? {}) : withoutEmpty(body)
        await save.mutateAsync({ memberId: member?.id ?? null, input })
        onClose()
      }}
    >
      <Row gutter={12}>
        <Col span={8}><Form.Item name="name" label={t('expert.name')} rules={[{ required: true, message: t('registry.required', { field: t('expert.name') }) }]}><Input maxLength={50} /></Form.Item></Col>
        <Col span={8}><Form.Item name="role" label={t('team.role')}><Input maxLength={50} /></Form.Item></Col>
        <Col span={8}><Form.Item name="phone" label={t('registry.phone')}><Input maxLength={30} /></Form.Item></Col>
      </Row>
      <Form.Item name="skills" label={t('team.skills')} extra={t('team.skillsHint')}><Select mode="tags" open={false} suffixIcon={null} /></Form.Item>
      <Form.Item label={t('team.certificates')}>
        <Form.List name="certificates">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[item.name, 'name']} rules={[{ required: true, message: t('certificate.name') }]} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('certificate.name')} maxLength={100} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'number']} style={{ marginBottom: 8 }}><Input placeholder={t('certificate.number')} maxLength={64} style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[item.name, 'expiresOn']} style={{ marginBottom: 8 }}><Input type="date" aria-label={t('certificate.expiresOn')} style={{ width: 150 }} /></Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} aria-label={t('registry.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('certificate.add')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </RecordFormDrawer>
  )
}
