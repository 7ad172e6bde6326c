import { Link, useNavigate, useParams } from 'react-router'
import { App, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Tag, Timeline, Typography } from 'antd'
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { enumLabel } from '../../../components/registry/fields.tsx'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { pick, useI18n } from '../../../i18n/i18n.tsx'
import { useDeletePlan, usePlan } from '../api/plans.ts'
import { planWriterRoles } from '../api/types.ts'
import { PlanAttachments } from '../components/PlanAttachments.tsx'
import { PlanDrills } from '../components/PlanDrills.tsx'
import { PlanFlagTags } from '../components/PlanFlagTags.tsx'
import { PlanLevels } from '../components/PlanLevels.tsx'
import { PlanOrganisation } from '../components/PlanOrganisation.tsx'
import { statusColors } from './PlansListPage.tsx'

/** A plan: metadata and flags, organisation, levels with criteria and checklists, attachments, drills, revisions. */
export function PlanDetailPage() {
  const { id } = useParams()
  const { t, locale } = useI18n()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { role } = useRegistrySession()
  const { data: plan, isLoading, error } = usePlan(id)
  const remove = useDeletePlan()
  const canWrite = planWriterRoles.includes(role)

  if (isLoading) return <Spin />
  if (error || !plan) return <Result status="404" title={error ? errorText(error, locale) : ''} extra={<Link to="/plans/library">{t('plans.back')}</Link>} />

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="plan-detail">
      <Card
        title={<Space><Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/plans/library')} aria-label={t('plans.back')} />{plan.name}<Tag color={statusColors[plan.status]}>{enumLabel(t, 'plans.status', plan.status)}</Tag><SyntheticTag synthetic={plan.synthetic} /></Space>}
        extra={canWrite && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/plans/${plan.id}/edit`)} data-testid="edit-plan">{t('plans.edit')}</Button>
            <Popconfirm
              title={t('plans.deleteConfirm')}
              onConfirm={() => remove.mutate(plan.id, { onSuccess: () => navigate('/plans/library'), onError: (e) => void message.error(errorText(e, locale)) })}
            >
              <Button danger icon={<DeleteOutlined />}>{t('plans.delete')}</Button>
            </Popconfirm>
          </Space>
        )}
      >
        <div style={{ marginBottom: 12 }} data-testid="plan-flags">
          <Typography.Text strong>{t('plans.flags')}：</Typography.Text><PlanFlagTags flags={plan.flags} />
          {plan.flags.map((f) => <div key={f.kind}><Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'}>{pick(locale, { zh: f.message, en: f.messageEn })}</Typography.Text></div>)}
        </div>
        <Descriptions size="small" column={3} bordered items={[
          { key: 'type', label: t('plans.type'), children: enumLabel(t, 'plans.type', plan.type) },
          { key: 'hazards', label: t('plans.hazards'), children: plan.hazardTypes.length === 0 ? t('plans.hazardsAll') : plan.hazardTypes.map((h) => enumLabel(t, 'plans.hazard', h)).join('、') },
          { key: 'owner', label: t('plans.owner'), children: plan.ownerDepartment },
          { key: 'authority', label: t('plans.issuingAuthority'), children: `${plan.issuingAuthority}（${enumLabel(t, 'plans.issuing', plan.issuingLevel)}）` },
          { key: 'doc', label: t('plans.documentNumber'), children: plan.documentNumber ?? '—' },
          { key: 'version', label: t('plans.version'), children: plan.version },
          { key: 'issued', label: t('plans.issuedOn'), children: plan.issuedOn ?? '—' },
          { key: 'effective', label: t('plans.effectiveOn'), children: plan.effectiveOn ?? '—' },
          { key: 'revision', label: t('plans.revisionDue'), children: plan.revisionDueComputed ?? '—' },
          { key: 'filing', label: t('plans.filing'), children: `${enumLabel(t, 'plans.filing', plan.filingStatus)}${plan.filedOn ? ` ${plan.filedOn}` : ''}${plan.filedWith ? ` · ${plan.filedWith}` : ''}` },
          { key: 'drill', label: t('plans.drillInterval'), children: plan.drillIntervalEffective ?? '—' },
          { key: 'lastDrill', label: t('plans.lastDrill'), children: plan.lastDrillOn ?? t('plans.never') },
          { key: 'division', label: t('plans.division'), children: plan.divisionName ?? plan.divisionCode },
          ...(plan.summary ? [{ key: 'summary', label: t('plans.summary'), span: 2, children: plan.summary }] : []),
        ]} />
      </Card>
      <PlanOrganisation organisation={plan.organisation} />
      <PlanLevels levels={plan.levels} />
      <PlanAttachments planId={plan.id} attachments={plan.attachments} canWrite={canWrite} />
      <PlanDrills planId={plan.id} drills={plan.drills} canWrite={canWrite} />
      <Card title={t('plans.revisions')} size="small">
        <Timeline items={plan.revisions.map((r) => ({
          key: r.id,
          children: <>{new Date(r.at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')} · {r.version} · {r.actorName} · {r.summary}</>,
        }))} />
      </Card>
    </Space>
  )
}
