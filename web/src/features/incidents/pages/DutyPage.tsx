import { useMemo, useState } from 'react'
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Input, List, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd'
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { errorText } from '../../../lib/api-error.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { useAddHandover, useCreateShift, useDutyPeople, useHandovers, useOnDutyNow, useShifts, type ShiftInput } from '../api/duty.ts'
import type { DutyShift } from '../api/types.ts'
import { formatTime, toLocalInput } from '../components/format.ts'

const dutyRoles = ['leader', 'officer'] as const
const dutyManagerRoles: readonly string[] = ['admin', 'duty_officer', 'commander']

/** Monday 00:00 of this week, local time. */
function weekStart(now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  start.setDate(start.getDate() - ((start.getDay() + 6) % 7))
  return start
}

const roleName = (t: (key: MessageKey) => string, role: string) => {
  const text = t(`incidents.dutyRole.${role}` as MessageKey)
  return text === undefined ? role : text
}

/** 值班: who is on duty now, this week's shifts, handover notes. */
export function DutyPage() {
  const { t } = useI18n()
  const { role } = useRegistrySession()
  const canManage = dutyManagerRoles.includes(role)
  const { from, to, days } = useMemo(() => {
    const start = weekStart(new Date())
    const end = new Date(start)
    end.setDate(end.getDate() + 7)
    return { from: start.toISOString(), to: end.toISOString(), days: Array.from({ length: 7 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i)) }
  }, [])
  const now = useOnDutyNow()
  const shifts = useShifts(from, to)
  const [adding, setAdding] = useState(false)

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title={t('incidents.onDutyNow')} size="small" data-testid="duty-now">
        {(now.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.nobodyOnDuty')} />
        ) : (
          <Row gutter={12}>
            {(now.data ?? []).map((shift) => (
              <Col key={shift.id} xs={24} md={8}>
                <Card size="small" data-testid="duty-person">
                  <Space direction="vertical" size={0}>
                    <Space><Typography.Text strong style={{ fontSize: 16 }}>{shift.personName}</Typography.Text><Tag color={shift.role === 'leader' ? 'red' : 'blue'}>{roleName(t, shift.role)}</Tag></Space>
                    {shift.phone && <Typography.Text><PhoneOutlined /> {shift.phone}</Typography.Text>}
                    <Typography.Text type="secondary">{formatTime(shift.startsAt)} – {formatTime(shift.endsAt)}</Typography.Text>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card
        title={t('incidents.weekShifts')}
        size="small"
        data-testid="duty-week"
        extra={canManage && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="shift-add">{t('incidents.addShift')}</Button>}
      >
        <Table<{ day: Date; shifts: DutyShift[] }>
          size="small"
          rowKey={(row) => row.day.toISOString()}
          pagination={false}
          loading={shifts.isFetching}
          dataSource={days.map((day) => {
            const next = new Date(day)
            next.setDate(next.getDate() + 1)
            // A shift belongs to the day it starts on (a 24-hour shift runs into the next morning).
            return { day, shifts: (shifts.data ?? []).filter((shift) => new Date(shift.startsAt) >= day && new Date(shift.startsAt) < next) }
          })}
          columns={[
            { title: t('incidents.day'), key: 'day', width: 140, render: (_, row) => <Typography.Text strong={row.day.toDateString() === new Date().toDateString()}>{formatTime(row.day.toISOString()).slice(0, 10)} {t(`incidents.weekday.${row.day.getDay()}` as MessageKey)}</Typography.Text> },
            ...dutyRoles.map((dutyRole) => ({
              title: roleName(t, dutyRole),
              key: dutyRole,
              render: (_: unknown, row: { shifts: DutyShift[] }) =>
                row.shifts.filter((shift) => shift.role === dutyRole).map((shift) => (
                  <div key={shift.id} data-testid="week-shift">
                    {shift.personName}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(shift.startsAt).slice(11)}–{formatTime(shift.endsAt).slice(0, 10) !== formatTime(shift.startsAt).slice(0, 10) && t('incidents.nextDay')}{formatTime(shift.endsAt).slice(11)}
                      {shift.phone && ` · ${shift.phone}`}
                    </Typography.Text>
                  </div>
                )),
            })),
          ]}
        />
      </Card>
      <Handovers canWrite={canManage} />
      <ShiftModal open={adding} onClose={() => setAdding(false)} />
    </Space>
  )
}

function Handovers({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n()
  const { rootCode } = useRegistrySession()
  const notes = useHandovers()
  const add = useAddHandover()
  const [form] = Form.useForm<{ fromName: string; toName: string; notes: string }>()
  return (
    <Card title={t('incidents.handovers')} size="small" data-testid="handovers">
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 8, rowGap: 8 }}
          onFinish={(values) => add.mutate({ divisionCode: rootCode, fromName: values.fromName.trim(), toName: values.toName.trim(), notes: values.notes.trim() }, { onSuccess: () => form.resetFields() })}
        >
          <Form.Item name="fromName" rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}><Input placeholder={t('incidents.handoverFrom')} maxLength={50} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="toName" rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}><Input placeholder={t('incidents.handoverTo')} maxLength={50} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="notes" rules={[{ required: true, whitespace: true, message: t('incidents.required') }]} style={{ flex: 1, minWidth: 260 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} placeholder={t('incidents.handoverPlaceholder')} aria-label={t('incidents.handovers')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>{t('incidents.addHandover')}</Button>
        </Form>
      )}
      <List
        size="small"
        dataSource={[...(notes.data ?? [])].sort((a, b) => b.at.localeCompare(a.at))}
        locale={{ emptyText: t('incidents.noHandovers') }}
        renderItem={(note) => (
          <List.Item>
            <List.Item.Meta
              title={<Typography.Text type="secondary">{formatTime(note.at)} · {note.fromName} → {note.toName}</Typography.Text>}
              description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note.notes}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  )
}

function ShiftModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n()
  const { rootCode, userId, displayName } = useRegistrySession()
  const [form] = Form.useForm<ShiftInput & { myself?: boolean }>()
  const linked = Form.useWatch('userId', form)
  const create = useCreateShift()
  const people = useDutyPeople(open)
  /** The shift names an account: its notifications go to that person; the name comes with it. */
  const link = (id: string | undefined) => {
    const person = (people.data ?? []).find((p) => p.id === id)
    form.setFieldsValue({ userId: id, myself: id !== undefined && id === userId, ...(id === userId ? { personName: displayName } : person ? { personName: person.displayName } : {}) })
  }
  const start = new Date()
  start.setMinutes(0, 0, 0)
  const end = new Date(start.getTime() + 24 * 3_600_000)
  return (
    <Modal open={open} title={t('incidents.addShift')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      {create.error && <Alert type="error" showIcon title={errorText(create.error, locale)} style={{ marginBottom: 12 }} />}
      <Form<ShiftInput & { myself?: boolean }>
        form={form}
        layout="vertical"
        initialValues={{ role: 'officer', startsAt: toLocalInput(start), endsAt: toLocalInput(end), divisionCode: rootCode }}
        onFinish={(values) =>
          create.mutate(
            {
              divisionCode: values.divisionCode,
              role: values.role,
              ...(values.userId ? { userId: values.userId } : {}),
              personName: values.personName.trim(),
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
              startsAt: new Date(values.startsAt).toISOString(),
              endsAt: new Date(values.endsAt).toISOString(),
            },
            { onSuccess: () => { form.resetFields(); onClose() } },
          )
        }
      >
        <Form.Item name="myself" valuePropName="checked" extra={t('incidents.myselfHint')}>
          <Checkbox onChange={(event) => link(event.target.checked ? userId : undefined)} data-testid="shift-myself">{t('incidents.myself')}</Checkbox>
        </Form.Item>
        <Form.Item name="userId" label={t('incidents.dutyAccount')} extra={t('incidents.dutyAccountHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={people.isPending}
            placeholder={t('incidents.dutyAccountPlaceholder')}
            onChange={(id?: string) => link(id)}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.displayName} · ${locale === 'en' ? p.roleNameEn : p.roleName}${p.jurisdictionName ? ` · ${p.jurisdictionName}` : ''}` }))}
            data-testid="shift-account"
          />
        </Form.Item>
        <Form.Item name="personName" label={t('incidents.person')} rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}><Input maxLength={50} disabled={Boolean(linked)} /></Form.Item>
        <Form.Item name="phone" label={t('incidents.callerPhone')}><Input maxLength={20} /></Form.Item>
        <Form.Item name="role" label={t('incidents.dutyRole')}><Select options={dutyRoles.map((value) => ({ value, label: roleName(t, value) }))} /></Form.Item>
        <Form.Item name="startsAt" label={t('incidents.startsAt')} rules={[{ required: true, message: t('incidents.required') }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="endsAt" label={t('incidents.endsAt')} rules={[{ required: true, message: t('incidents.required') }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="divisionCode" label={t('incidents.division')} rules={[{ required: true, message: t('incidents.required') }]}><DivisionSelect style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  )
}
