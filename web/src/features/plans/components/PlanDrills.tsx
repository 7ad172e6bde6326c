import { useState } from 'react'
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Table } from 'antd'
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { enumLabel, enumOptions } from '../../../components/registry/fields.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useDeleteDrill, useSaveDrill } from '../api/plans.ts'
import { drillTypes, type Drill, type DrillInput } from '../api/types.ts'

type DrillForm = DrillInput

const todayText = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10)

/** 演练记录: tabletop and live drills with their evaluation and problems found. */
export function PlanDrills({ planId, drills, canWrite }: { planId: string; drills: Drill[]; canWrite: boolean }) {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const save = useSaveDrill(planId)
  const remove = useDeleteDrill(planId)
  const [editing, setEditing] = useState<Drill | 'new' | null>(null)
  const [form] = Form.useForm<DrillForm>()

  const open = (drill: Drill | 'new') => {
    setEditing(drill)
    form.setFieldsValue(drill === 'new'
      ? { drillType: 'tabletop', name: '', heldOn: todayText(), participants: '', participantCount: null, evaluation: '', problems: '' }
      : drill)
  }
  const submit = async () => {
    const values = await form.validateFields()
    const input: DrillInput = { drillType: values.drillType, name: values.name, heldOn: values.heldOn, participants: values.participants ?? '', evaluation: values.evaluation ?? '', problems: values.problems ?? '', participantCount: values.participantCount ?? null }
    save.mutate({ id: editing === 'new' || editing === null ? undefined : editing.id, input }, {
      onSuccess: () => { setEditing(null); void message.success(t('plans.saved')) },
      onError: (e) => void message.error(errorText(e, locale)),
    })
  }
  const required = (field: string) => [{ required: true, message: t('plans.required', { field }) }]

  return (
    <Card
      title={t('plans.drills')}
      data-testid="plan-drills"
      extra={canWrite && <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="add-drill">{t('plans.addDrill')}</Button>}
    >
      <Table<Drill>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={drills}
        columns={[
          { title: t('plans.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('plans.drillType'), dataIndex: 'drillType', width: 100, render: (v: string) => enumLabel(t, 'plans.drill', v) },
          { title: t('plans.drillName'), dataIndex: 'name' },
          { title: t('plans.participants'), dataIndex: 'participants' },
          { title: t('plans.evaluation'), dataIndex: 'evaluation' },
          { title: t('plans.problems'), dataIndex: 'problems' },
          ...(canWrite ? [{
            title: '', width: 90, render: (_v: unknown, d: Drill) => (
              <>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => open(d)} />
                <Popconfirm title={t('plans.deleteConfirm')} onConfirm={() => remove.mutate(d.id)}><Button type="link" size="small" danger icon={<DeleteOutlined />} /></Popconfirm>
              </>
            ),
          }] : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('plans.addDrill') : t('plans.editDrill')}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        okText={t('plans.save')}
        cancelText={t('plans.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="drill-form">
          <Form.Item name="name" label={t('plans.drillName')} rules={required(t('plans.drillName'))}><Input maxLength={200} /></Form.Item>
          <Form.Item name="drillType" label={t('plans.drillType')}><Select options={enumOptions(t, 'plans.drill', drillTypes)} /></Form.Item>
          <Form.Item name="heldOn" label={t('plans.heldOn')} rules={required(t('plans.heldOn'))}><Input type="date" max={todayText()} /></Form.Item>
          <Form.Item name="participants" label={t('plans.participants')}><Input maxLength={2000} /></Form.Item>
          <Form.Item name="participantCount" label={t('plans.participantCount')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="evaluation" label={t('plans.evaluation')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
          <Form.Item name="problems" label={t('plans.problems')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  )
}
