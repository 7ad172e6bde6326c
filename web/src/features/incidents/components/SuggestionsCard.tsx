import { useState } from 'react'
import { Button, Card, Empty, Input, List, Modal, Radio, Space, Tag, Typography, type ButtonProps } from 'antd'
import { ThunderboltOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useActivatePlan } from '../api/incidents.ts'
import type { IncidentCore, PlanSuggestion } from '../api/types.ts'
import { levelNumeral } from './format.ts'
import { ResponseLevelTag } from './tags.tsx'

/** Roles that may activate a plan (the server checks again). */
export const commanderRoles: readonly string[] = ['commander']

/** The matching plans and levels with the reasons; a commander activates one (or changes the level). */
export function SuggestionsCard({ incident, plans, loading, canActivate }: { incident: IncidentCore; plans: PlanSuggestion[]; loading: boolean; canActivate: boolean }) {
  const { t, locale } = useI18n()
  const [confirming, setConfirming] = useState<PlanSuggestion | null>(null)
  const active = incident.response
  return (
    <Card size="small" title={t('incidents.suggestedPlans')} data-testid="plan-suggestions" loading={loading && plans.length === 0}>
      {plans.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noSuggestion')} />
      ) : (
        <List<PlanSuggestion>
          dataSource={plans}
          renderItem={(plan) => {
            const isActive = active?.planId === plan.planId && active.level === plan.level
            return (
              <List.Item
                data-testid="plan-suggestion"
                actions={canActivate && incident.status !== 'closed' ? [
                  // Active at this level: the commander may still raise or lower it by his own judgement.
                  <Button
                    key="activate"
                    type={isActive ? 'default' : 'primary'}
                    danger={!isActive}
                    icon={<ThunderboltOutlined />}
                    onClick={() => setConfirming(plan)}
                    data-testid="activate-plan"
                  >
                    {active?.planId === plan.planId ? t('incidents.changeLevel') : t('incidents.activate')}
                  </Button>,
                ] : []}
              >
                <List.Item.Meta
                  title={<Space wrap size={4}><span data-testid="plan-name">{plan.planName}</span><ResponseLevelTag level={plan.level} />{isActive && <Tag color="red">{t('incidents.activated')}</Tag>}</Space>}
                  description={
                    <div data-testid="plan-reasons">
                      <Typography.Text type="secondary">{t('incidents.because')}</Typography.Text>
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {plan.reasons.length > 0
                          ? plan.reasons.map((reason, index) => <li key={index}>{locale === 'en' ? reason.en : reason.zh}</li>)
                          : <li>{locale === 'en' ? plan.reasonEn : plan.reason}</li>}
                      </ul>
                    </div>
                  }
                />
              </List.Item>
            )
          }}
        />
      )}
      <ActivateModal incidentId={incident.id} plan={confirming} onClose={() => setConfirming(null)} />
    </Card>
  )
}

/** The commander confirms the plan at the suggested level, or picks another (his decision; the server checks the plan has it). */
function ActivateModal({ incidentId, plan, onClose }: { incidentId: string; plan: PlanSuggestion | null; onClose: () => void }) {
  const { t } = useI18n()
  const activate = useActivatePlan(incidentId)
  const [comment, setComment] = useState('')
  const [chosen, setChosen] = useState<number | null>(null)
  const level = chosen ?? plan?.level ?? 4
  const close = () => { setComment(''); setChosen(null); onClose() }
  return (
    <Modal
      open={plan !== null}
      title={t('incidents.activateTitle')}
      okText={t('incidents.activate')}
      okButtonProps={{ danger: true, 'data-testid': 'activate-confirm' } as ButtonProps}
      confirmLoading={activate.isPending}
      onCancel={close}
      onOk={() => plan && activate.mutate({ planId: plan.planId, level, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { onSuccess: close })}
      destroyOnHidden
    >
      {plan && <Typography.Paragraph>{t('incidents.activateText', { plan: plan.planName, level: levelNumeral(level) })}</Typography.Paragraph>}
      {plan && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>{t('incidents.responseLevelChoice')}</Typography.Text>
          <Radio.Group value={level} onChange={(event) => setChosen(event.target.value as number)} optionType="button" buttonStyle="solid" data-testid="activate-level">
            {[1, 2, 3, 4].map((value) => (
              <Radio.Button key={value} value={value}>
                {levelNumeral(value)}{value === plan.level ? `（${t('incidents.suggestedLevel')}）` : ''}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Space>
      )}
      <Input.TextArea rows={2} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder={t('incidents.commentOptional')} aria-label={t('incidents.comment')} />
    </Modal>
  )
}
