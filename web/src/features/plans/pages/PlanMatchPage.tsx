import { App, Button, Card, Col, Empty, Form, InputNumber, List, Row, Select, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { MessageKey } from '../../../i18n/messages.ts'
import { enumOptions } from '../../../components/registry/fields.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { pick, useI18n } from '../../../i18n/i18n.tsx'
import { useMatchPlans } from '../api/plans.ts'
import { planHazardTypes } from '../api/types.ts'

const numericFacts = ['deaths', 'missing', 'injured', 'seriousInjuries', 'affectedPeople', 'evacuated', 'directLossYuan', 'waterLevelAboveWarningM'] as const

/** 预案匹配试算: enter incident facts, see which plans and levels would be suggested and why. */
export function PlanMatchPage() {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const match = useMatchPlans()
  const [form] = Form.useForm<Record<string, unknown>>()
  const run = (values: Record<string, unknown>) => {
    const facts = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''))
    match.mutate(facts, { onError: (e) => void message.error(errorText(e, locale)) })
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('plans.matchFacts')} data-testid="match-form">
        <Form form={form} layout="vertical" onFinish={run} initialValues={{ hazardType: 'flood', waterLevelAboveWarningM: 0.2 }}>
          <Row gutter={12}>
            <Col span={6}><Form.Item name="hazardType" label={t('plans.fact.hazardType')}><Select allowClear options={enumOptions(t, 'plans.hazard', planHazardTypes)} /></Form.Item></Col>
            <Col span={6}><Form.Item name="warningLevel" label={t('plans.fact.warningLevel')}><Select allowClear options={enumOptions(t, 'plans.warning', ['blue', 'yellow', 'orange', 'red'] as const)} /></Form.Item></Col>
            {numericFacts.map((f) => (
              <Col span={6} key={f}>
                <Form.Item name={f} label={t(`plans.fact.${f}` as MessageKey)}>
                  <InputNumber style={{ width: '100%' }} min={f === 'waterLevelAboveWarningM' ? -100 : 0} step={f === 'waterLevelAboveWarningM' ? 0.1 : 1} precision={f === 'waterLevelAboveWarningM' ? 2 : 0} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={match.isPending} data-testid="run-match">{t('plans.matchRun')}</Button>
        </Form>
      </Card>
      {match.data && (
        <Card title={t('plans.match')} data-testid="match-result">
          {match.data.suggestions.length === 0 ? <Empty description={t('plans.matchNone')} /> : (
            <List
              dataSource={match.data.suggestions}
              renderItem={(s) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Space><Link to={`/plans/${s.planId}`}>{s.planName}</Link><Tag color={['', 'red', 'orange', 'gold', 'blue'][s.level]}>{pick(locale, s.levelName)}</Tag></Space>}
                    description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{s.reasons.map((r, i) => <li key={i}><Typography.Text>{pick(locale, r)}</Typography.Text></li>)}</ul>}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Space>
  )
}
