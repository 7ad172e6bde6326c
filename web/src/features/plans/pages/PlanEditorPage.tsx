import { useEffect } from 'react'
import { useNavigate, useParams } from 'react-router'
import { App, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { MessageKey } from '../../../i18n/messages.ts'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumOptions } from '../../../components/registry/fields.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { ApiError, errorText } from '../../../lib/api-error.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import { usePlan, useSavePlan } from '../api/plans.ts'
import {
  assigneeKinds, filingStatuses, issuingLevels, planHazardTypes, planStatuses, planTypes, type ChecklistItem, type Organisation, type PlanDetail, type PlanInput,
} from '../api/types.ts'

interface LevelForm { level: number; name: string; description?: string; criteriaJson?: string; checklist?: ChecklistItem[] }
interface EditorForm extends Omit<PlanInput, 'levels' | 'organisation' | 'documentNumber' | 'issuedOn' | 'effectiveOn' | 'revisionDue' | 'filedOn' | 'filedWith' | 'summary' | 'drillIntervalMonths'> {
  documentNumber?: string
  issuedOn?: string
  effectiveOn?: string
  revisionDue?: string
  filedOn?: string
  filedWith?: string
  summary?: string
  drillIntervalMonths?: number | null
  hasOrganisation: boolean
  organisation?: Omit<Organisation, 'deputyCommanders' | 'memberDepartments'> & { deputyCommanders?: string[]; memberDepartments?: string[] }
  levels: LevelForm[]
}

const emptyText = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim())

function toForm(plan: PlanDetail): EditorForm {
  return {
    ...plan,
    documentNumber: plan.documentNumber ?? undefined, issuedOn: plan.issuedOn ?? undefined, effectiveOn: plan.effectiveOn ?? undefined,
    revisionDue: plan.revisionDue ?? undefined, filedOn: plan.filedOn ?? undefined, filedWith: plan.filedWith ?? undefined, summary: plan.summary ?? undefined,
    hasOrganisation: plan.organisation !== null,
    organisation: plan.organisation ?? undefined,
    levels: plan.levels.map((l) => ({ level: l.level, name: l.name, description: l.description, criteriaJson: l.criteria === null ? '' : JSON.stringify(l.criteria, null, 1), checklist: l.checklist })),
  }
}

const blank = (rootCode: string): Partial<EditorForm> => ({
  type: 'special', status: 'draft', issuingLevel: 'county', filingStatus: 'pending', hazardTypes: [], version: '1', divisionCode: rootCode, hasOrganisation: false,
  levels: [4, 3, 2, 1].map((level) => ({ level, name: ['', 'Ⅰ级响应', 'Ⅱ级响应', 'Ⅲ级响应', 'Ⅳ级响应'][level]!, description: '', criteriaJson: '', checklist: [] })),
})

/** The plan editor: metadata, organisation, and levels with criteria (JSON) and checklists, saved as one document. */
export function PlanEditorPage() {
  const { id } = useParams()
  const { t, locale } = useI18n()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { rootCode } = useRegistrySession()
  const { data: plan, isLoading } = usePlan(id)
  const save = useSavePlan()
  const [form] = Form.useForm<EditorForm>()
  const hasOrganisation = Form.useWatch('hasOrganisation', form)

  useEffect(() => {
    if (plan) form.setFieldsValue(toForm(plan))
  }, [plan, form])

  if (id && isLoading) return <Spin />
  const required = (field: string) => [{ required: true, message: t('plans.required', { field }) }]
  const criteriaRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value || value.trim() === '') return
      try { JSON.parse(value) } catch { throw new Error(t('plans.criteriaInvalid')) }
    },
  }

  const submit = async () => {
    const v = await form.validateFields()
    const input: PlanInput = {
      name: v.name, type: v.type, hazardTypes: v.hazardTypes ?? [], ownerDepartment: v.ownerDepartment, issuingLevel: v.issuingLevel,
      issuingAuthority: v.issuingAuthority, documentNumber: emptyText(v.documentNumber), version: v.version, issuedOn: emptyText(v.issuedOn),
      effectiveOn: emptyText(v.effectiveOn), revisionDue: emptyText(v.revisionDue), filingStatus: v.filingStatus, filedOn: emptyText(v.filedOn),
      filedWith: emptyText(v.filedWith), drillIntervalMonths: v.drillIntervalMonths ?? null, divisionCode: v.divisionCode, status: v.status,
      summary: emptyText(v.summary),
      organisation: v.hasOrganisation && v.organisation ? {
        headquarters: v.organisation.headquarters, commander: v.organisation.commander, office: v.organisation.office ?? '',
        deputyCommanders: v.organisation.deputyCommanders ?? [], memberDepartments: v.organisation.memberDepartments ?? [],
        groups: (v.organisation.groups ?? []).map((g) => ({ ...g, members: g.members ?? [], duties: g.duties ?? '' })),
      } : null,
      levels: (v.levels ?? []).map((l) => ({
        level: l.level, name: l.name, description: l.description ?? '',
        criteria: l.criteriaJson && l.criteriaJson.trim() !== '' ? JSON.parse(l.criteriaJson) as unknown : null,
        checklist: l.checklist ?? [],
      })),
      ...(v.revisionNote ? { revisionNote: v.revisionNote } : {}),
    }
    save.mutate({ id, input }, {
      onSuccess: (saved) => { void message.success(t('plans.saved')); navigate(`/plans/${saved.id}`) },
      onError: (e) => {
        void message.error(errorText(e, locale))
        if (e instanceof ApiError && e.field?.startsWith('body.levels[')) {
          const index = Number(/^body\.levels\[(\d+)\]/.exec(e.field)?.[1])
          if (Number.isInteger(index)) form.setFields([{ name: ['levels', index, 'criteriaJson'], errors: [errorText(e, locale)] }])
        }
      },
    })
  }

  return (
    <Card title={id ? `${t('plans.edit')} · ${plan?.name ?? ''}` : t('plans.new')} data-testid="plan-editor"
      extra={<Space><Button onClick={() => navigate(id ? `/plans/${id}` : '/plans/library')}>{t('plans.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="save-plan">{t('plans.save')}</Button></Space>}
    >
      <Form form={form} layout="vertical" initialValues={id ? undefined : blank(rootCode)}>
        <Typography.Title level={5}>{t('plans.metadata')}</Typography.Title>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="name" label={t('plans.name')} rules={required(t('plans.name'))}><Input maxLength={200} /></Form.Item></Col>
          <Col span={6}><Form.Item name="type" label={t('plans.type')}><Select options={enumOptions(t, 'plans.type', planTypes)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="status" label={t('plans.status')}><Select options={enumOptions(t, 'plans.status', planStatuses)} /></Form.Item></Col>
          <Col span={12}><Form.Item name="hazardTypes" label={t('plans.hazards')} extra={t('plans.hazardsAll')}><Select mode="multiple" options={enumOptions(t, 'plans.hazard', planHazardTypes)} /></Form.Item></Col>
          <Col span={12}><Form.Item name="divisionCode" label={t('plans.division')} rules={required(t('plans.division'))}><DivisionSelect allowClear={false} /></Form.Item></Col>
          <Col span={8}><Form.Item name="ownerDepartment" label={t('plans.owner')} rules={required(t('plans.owner'))}><Input maxLength={100} /></Form.Item></Col>
          <Col span={8}><Form.Item name="issuingAuthority" label={t('plans.issuingAuthority')} rules={required(t('plans.issuingAuthority'))}><Input maxLength={100} /></Form.Item></Col>
          <Col span={8}><Form.Item name="issuingLevel" label={t('plans.issuingLevel')}><Select options={enumOptions(t, 'plans.issuing', issuingLevels)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="documentNumber" label={t('plans.documentNumber')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={4}><Form.Item name="version" label={t('plans.version')} rules={required(t('plans.version'))}><Input maxLength={30} /></Form.Item></Col>
          <Col span={6}><Form.Item name="issuedOn" label={t('plans.issuedOn')}><Input type="date" /></Form.Item></Col>
          <Col span={6}><Form.Item name="effectiveOn" label={t('plans.effectiveOn')}><Input type="date" /></Form.Item></Col>
          <Col span={6}><Form.Item name="revisionDue" label={t('plans.revisionDue')} extra={t('plans.revisionDueHint')}><Input type="date" /></Form.Item></Col>
          <Col span={6}><Form.Item name="filingStatus" label={t('plans.filing')}><Select options={enumOptions(t, 'plans.filing', filingStatuses)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="filedOn" label={t('plans.filedOn')}><Input type="date" /></Form.Item></Col>
          <Col span={6}><Form.Item name="filedWith" label={t('plans.filedWith')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={12}><Form.Item name="drillIntervalMonths" label={t('plans.drillInterval')} extra={t('plans.drillIntervalHint')}><InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="revisionNote" label={t('plans.revisionNote')}><Input maxLength={500} /></Form.Item></Col>
          <Col span={24}><Form.Item name="summary" label={t('plans.summary')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item></Col>
        </Row>

        <Divider />
        <Space><Form.Item name="hasOrganisation" valuePropName="checked" noStyle><Switch /></Form.Item><Typography.Text strong>{t('plans.hasOrganisation')}</Typography.Text></Space>
        {hasOrganisation && (
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col span={8}><Form.Item name={['organisation', 'headquarters']} label={t('plans.headquarters')} rules={required(t('plans.headquarters'))}><Input maxLength={100} /></Form.Item></Col>
            <Col span={8}><Form.Item name={['organisation', 'commander']} label={t('plans.commander')} rules={required(t('plans.commander'))}><Input maxLength={100} /></Form.Item></Col>
            <Col span={8}><Form.Item name={['organisation', 'office']} label={t('plans.office')}><Input maxLength={200} /></Form.Item></Col>
            <Col span={12}><Form.Item name={['organisation', 'deputyCommanders']} label={t('plans.deputies')}><Select mode="tags" open={false} /></Form.Item></Col>
            <Col span={12}><Form.Item name={['organisation', 'memberDepartments']} label={t('plans.members')}><Select mode="tags" open={false} /></Form.Item></Col>
            <Col span={24}>
              <Form.List name={['organisation', 'groups']}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Row gutter={8} key={field.key}>
                        <Col span={4}><Form.Item name={[field.name, 'name']} rules={required(t('plans.groupName'))}><Input placeholder={t('plans.groupName')} /></Form.Item></Col>
                        <Col span={5}><Form.Item name={[field.name, 'lead']} rules={required(t('plans.groupLead'))}><Input placeholder={t('plans.groupLead')} /></Form.Item></Col>
                        <Col span={6}><Form.Item name={[field.name, 'members']}><Select mode="tags" open={false} placeholder={t('plans.groupMembers')} /></Form.Item></Col>
                        <Col span={8}><Form.Item name={[field.name, 'duties']}><Input placeholder={t('plans.groupDuties')} /></Form.Item></Col>
                        <Col span={1}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} /></Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', lead: '', members: [], duties: '' })}>{t('plans.addGroup')}</Button>
                  </>
                )}
              </Form.List>
            </Col>
          </Row>
        )}

        <Divider />
        <Typography.Title level={5}>{t('plans.levels')}</Typography.Title>
        <Form.List name="levels">
          {(levels, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {levels.map((levelField) => (
                <Card key={levelField.key} size="small" data-testid={`level-editor-${levelField.name}`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(levelField.name)} />}
                  title={
                    <Space>
                      <Form.Item name={[levelField.name, 'level']} noStyle><Select style={{ width: 100 }} options={[1, 2, 3, 4].map((n) => ({ value: n, label: t(`plans.level.${n}` as MessageKey) }))} /></Form.Item>
                      <Form.Item name={[levelField.name, 'name']} noStyle rules={required(t('plans.levelName'))}><Input style={{ width: 200 }} placeholder={t('plans.levelName')} /></Form.Item>
                    </Space>
                  }
                >
                  <Form.Item name={[levelField.name, 'description']} label={t('plans.levelDescription')}><Input maxLength={1000} /></Form.Item>
                  <Form.Item name={[levelField.name, 'criteriaJson']} label={t('plans.criteriaJson')} extra={t('plans.criteriaHelp')} rules={[criteriaRule]}>
                    <Input.TextArea rows={3} style={{ fontFamily: 'monospace' }} placeholder={t('plans.criteriaNone')} />
                  </Form.Item>
                  <Typography.Text strong>{t('plans.checklist')}</Typography.Text>
                  <Form.List name={[levelField.name, 'checklist']}>
                    {(items, { add: addItem, remove: removeItem }) => (
                      <>
                        {items.map((item) => (
                          <Row gutter={8} key={item.key}>
                            <Col span={4}><Form.Item name={[item.name, 'assigneeKind']}><Select options={enumOptions(t, 'plans.assigneeKind', assigneeKinds)} /></Form.Item></Col>
                            <Col span={5}><Form.Item name={[item.name, 'assignee']} rules={required(t('plans.assignee'))}><Input placeholder={t('plans.assignee')} /></Form.Item></Col>
                            <Col span={10}><Form.Item name={[item.name, 'task']} rules={required(t('plans.task'))}><Input placeholder={t('plans.task')} /></Form.Item></Col>
                            <Col span={4}><Form.Item name={[item.name, 'deadlineMinutes']} rules={required(t('plans.deadline'))}><InputNumber min={1} max={43200} precision={0} style={{ width: '100%' }} placeholder={t('plans.deadline')} /></Form.Item></Col>
                            <Col span={1}><Button type="text" danger icon={<DeleteOutlined />} onClick={() => removeItem(item.name)} /></Col>
                          </Row>
                        ))}
                        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => addItem({ assigneeKind: 'department', assignee: '', task: '', deadlineMinutes: 60 })}>{t('plans.addItem')}</Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              {levels.length < 4 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 4, name: '', description: '', criteriaJson: '', checklist: [] })}>{t('plans.addLevel')}</Button>}
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  )
}
