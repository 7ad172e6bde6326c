import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Card, Col, Collapse, Form, Input, Row, Select, Space, Spin } from 'antd'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import type { FeatureCollection, Geometry } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { ApiError } from '../../../lib/api-error.ts'
import { geometryOf, hazardKeys, warningLevels, type Warning, type WarningAreaInput, type WarningInput } from '../api/types.ts'
import { getTemplate, useDraftFromAlarm, useIncidentForWarning, useSaveWarning, useWarning, type IncidentForWarning } from '../api/warnings.ts'
import { AreaEditor } from '../components/AreaEditor.tsx'
import { AudiencePanel } from '../components/AudiencePanel.tsx'
import { LevelTag, StatusTag } from '../components/LevelTag.tsx'
import { WarningActions } from '../components/WarningActions.tsx'

interface FormValues {
  event: string
  level: WarningInput['level']
  headline?: string
  description: string
  instruction?: string
  headlineEn?: string
  descriptionEn?: string
  instructionEn?: string
  /** datetime-local text, local time */
  onset?: string
  expires: string
}

/** ISO instant → `YYYY-MM-DDTHH:mm` in local time (datetime-local inputs). */
const toLocalInput = (instant: Date) => {
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** The hazard a warning about an incident of this national subtype warns of (the incident's alarm, when it has one, says more). */
const hazardOfSubtype: Record<string, WarningInput['event']> = {
  flood: 'flood', meteorological: 'rainstorm', geologicalHazard: 'geologicalHazard', forestFire: 'forestFire', drought: 'drought',
  hazmatAccident: 'hazmatLeak', environmental: 'hazmatLeak',
}

/** A draft for an incident without an alarm: its hazard, level and township, its title as the description. */
function draftFromIncident(incident: IncidentForWarning): Partial<WarningInput> {
  const level = incident.facts.warningLevel
  return {
    event: hazardOfSubtype[incident.subtype] ?? 'rainstorm',
    level: warningLevels.includes(level as WarningInput['level']) ? level as WarningInput['level'] : 'yellow',
    description: [incident.title, incident.description].filter(Boolean).join('。'),
    area: { divisionCodes: [incident.divisionCode.slice(0, 9)] },
  }
}

const blankToUndefined = (text: string | undefined | null) => (text && text.trim() !== '' ? text.trim() : undefined)

/**
 * 新建/编辑预警 (`/warnings/new`, `?alarmId=`, `?incidentId=`, `/warnings/:id/edit`): texts, level,
 * times and the area (divisions, a drawn polygon or a circle); once saved as a draft, the
 * audience preview and the submit button.
 */
export function WarningEditPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { id } = useParams()
  const [params] = useSearchParams()
  const incidentId = id ? null : params.get('incidentId')
  const incident = useIncidentForWarning(incidentId)
  // From an incident opened from an alarm: the alarm's draft (hazard, level, area, templates).
  const alarmId = id ? null : (params.get('alarmId') ?? incident.data?.sourceAlarmId ?? null)
  const existing = useWarning(id)
  const fromAlarm = useDraftFromAlarm(alarmId)
  const save = useSaveWarning()
  const [form] = Form.useForm<FormValues>()
  const [area, setArea] = useState<WarningAreaInput | undefined>()
  const [initialised, setInitialised] = useState(false)
  const [fieldError, setFieldError] = useState<string | null>(null)
  // Bumped when the area is replaced from outside the editor (it keeps its own drawing state).
  const [areaVersion, setAreaVersion] = useState(0)

  // Fill the form once from the saved warning or from the alarm's prefilled draft.
  const source = (id ? existing.data : fromAlarm.data?.body ?? (incident.data ? draftFromIncident(incident.data) : undefined)) as (Partial<WarningInput> & Partial<Warning>) | undefined
  useEffect(() => {
    if (initialised) return
    if (id && !existing.data) return
    if (incidentId && incident.isPending) return
    if (alarmId && fromAlarm.isPending) return
    const s = source ?? {}
    form.setFieldsValue({
      event: s.event ?? s.hazard ?? (s as Partial<Warning>).hazard ?? 'rainstorm',
      level: s.level ?? 'yellow',
      headline: s.headline ?? undefined,
      description: s.description ?? undefined,
      instruction: s.instruction ?? undefined,
      headlineEn: s.headlineEn ?? undefined,
      descriptionEn: s.descriptionEn ?? undefined,
      instructionEn: s.instructionEn ?? undefined,
      onset: s.onset ? toLocalInput(new Date(s.onset)) : undefined,
      expires: toLocalInput(s.expires ? new Date(s.expires) : new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 12 * 3600_000)),
    })
    setArea(s.area)
    setInitialised(true)
  }, [initialised, id, alarmId, incidentId, incident.isPending, existing.data, fromAlarm.isPending, source, form])

  const resolved: FeatureCollection<Geometry> | undefined = useMemo(() => {
    const geometry = existing.data ? geometryOf(existing.data) : null
    return geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { level: existing.data!.level, id: existing.data!.id }, geometry }] } : undefined
  }, [existing.data])

  const onFill = async () => {
    const { event, level } = form.getFieldsValue(['event', 'level'])
    try {
      const template = await getTemplate(event, level)
      if (template) {
        form.setFieldsValue({
          description: template.description.zh, instruction: template.instruction.zh,
          descriptionEn: template.description.en || undefined, instructionEn: template.instruction.en || undefined,
        })
      }
    } catch (error) {
      message.error((error as Error).message)
    }
  }

  const onSave = async (values: FormValues) => {
    setFieldError(null)
    if (!area) {
      setFieldError(t('warnings.area.empty'))
      return
    }
    const body: WarningInput = {
      event: values.event,
      level: values.level,
      headline: blankToUndefined(values.headline),
      description: values.description.trim(),
      instruction: blankToUndefined(values.instruction),
      headlineEn: blankToUndefined(values.headlineEn),
      descriptionEn: blankToUndefined(values.descriptionEn),
      instructionEn: blankToUndefined(values.instructionEn),
      onset: values.onset ? new Date(values.onset).toISOString() : undefined,
      expires: new Date(values.expires).toISOString(),
      area,
      sourceAlarmId: id ? undefined : (alarmId ?? undefined),
    }
    // A new draft leaves out what is empty; an edit clears it (null).
    const sent: Record<string, unknown> = { ...body }
    for (const key of Object.keys(sent)) {
      if (sent[key] !== undefined) continue
      if (id && key !== 'sourceAlarmId') sent[key] = null
      else delete sent[key]
    }
    try {
      const saved = await save.mutateAsync({ id, body: sent })
      message.success(t('warnings.action.done'))
      if (!id) navigate(`/warnings/${saved.id}/edit`, { replace: true })
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined
      const name = field?.replace(/^body\./, '').split(/[./[]/)[0]
      if (name && name !== 'area' && form.getFieldInstance(name as keyof FormValues)) {
        form.setFields([{ name: name as keyof FormValues, errors: [(error as Error).message] }])
      } else setFieldError((error as Error).message)
    }
  }

  if ((id && existing.isPending) || (incidentId && incident.isPending) || (alarmId && fromAlarm.isPending)) return <Spin style={{ display: 'block', margin: 48 }} />
  const editable = !existing.data || (existing.data.allowedActions ?? []).includes('edit')
  const required = [{ required: true, message: t('warnings.form.required') }]

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="warning-edit-page">
      <Card
        title={
          <Space>
            {existing.data ? existing.data.headline : t('warnings.new')}
            {existing.data && <LevelTag level={existing.data.level} />}
            {existing.data && <StatusTag status={existing.data.status} expires={existing.data.expires} />}
          </Space>
        }
        extra={existing.data && <WarningActions warning={existing.data} size="middle" editing />}
      >
        {alarmId && fromAlarm.isError && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={fromAlarm.error.message} />}
        {alarmId && fromAlarm.data && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('warnings.form.fromAlarm', { alarm: `${fromAlarm.data.alarm.deviceName} · ${fromAlarm.data.alarm.message}` })}
          action={<Button size="small" onClick={() => { setArea(fromAlarm.data.circleArea); setAreaVersion((v) => v + 1) }} data-testid="use-circle">{t('warnings.form.useCircle')}</Button>}
          data-testid="from-alarm" />}
        {existing.data?.status === 'rejected' && existing.data.reviewComment && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('warnings.detail.rejected', { comment: existing.data.reviewComment })} />}
        <Form form={form} layout="vertical" onFinish={onSave} disabled={!editable} data-testid="warning-form">
          <Row gutter={16}>
            <Col xs={24} lg={11}>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="event" label={t('warnings.form.hazard')} rules={required}>
                    <Select data-testid="warning-hazard" options={hazardKeys.map((key) => ({ value: key, label: t(`warnings.hazard.${key}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="level" label={t('warnings.form.level')} rules={required}>
                    <Select data-testid="warning-level" options={[...warningLevels].reverse().map((level) => ({ value: level, label: <LevelTag level={level} /> }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Button size="small" onClick={onFill} style={{ marginBottom: 12 }} data-testid="warning-template">{t('warnings.form.template')}</Button>
              <Form.Item name="headline" label={t('warnings.form.headline')}><Input maxLength={200} data-testid="warning-headline" /></Form.Item>
              <Form.Item name="description" label={t('warnings.form.description')} rules={required}><Input.TextArea rows={4} maxLength={2000} data-testid="warning-description" /></Form.Item>
              <Form.Item name="instruction" label={t('warnings.form.instruction')}><Input.TextArea rows={3} maxLength={2000} data-testid="warning-instruction" /></Form.Item>
              <Row gutter={12}>
                <Col span={12}><Form.Item name="onset" label={t('warnings.form.onset')}><Input type="datetime-local" /></Form.Item></Col>
                <Col span={12}><Form.Item name="expires" label={t('warnings.form.expires')} rules={required}><Input type="datetime-local" data-testid="warning-expires" /></Form.Item></Col>
              </Row>
              <Collapse size="small" items={[{
                key: 'en', label: t('warnings.form.english'), forceRender: true,
                children: (
                  <>
                    <Form.Item name="headlineEn" label={t('warnings.form.headlineEn')}><Input maxLength={200} /></Form.Item>
                    <Form.Item name="descriptionEn" label={t('warnings.form.descriptionEn')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
                    <Form.Item name="instructionEn" label={t('warnings.form.instructionEn')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                  </>
                ),
              }]} />
            </Col>
            <Col xs={24} lg={13}>
              <Form.Item label={t('warnings.area.title')} required>
                {initialised && <AreaEditor key={areaVersion} value={area} onChange={editable ? setArea : () => undefined} resolved={resolved} />}
              </Form.Item>
            </Col>
          </Row>
          {fieldError && <Alert type="error" showIcon message={fieldError} style={{ marginBottom: 12 }} data-testid="warning-error" />}
          {editable && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="warning-save">{t('warnings.action.saveDraft')}</Button>}
        </Form>
      </Card>
      <AudiencePanel key={existing.data?.updatedAt ?? 'none'} warningId={existing.data?.id} />
    </Space>
  )
}
