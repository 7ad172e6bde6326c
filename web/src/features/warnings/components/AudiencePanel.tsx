import { Alert, Card, Col, Row, Spin, Statistic, Table, Tag, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useAudience } from '../api/warnings.ts'

/** 接收对象预览: who a warning reaches, by channel, role and township, and the exposed population. */
export function AudiencePanel({ warningId }: { warningId: string | undefined }) {
  const { t } = useI18n()
  const audience = useAudience(warningId)
  const label = (prefix: string, key: string) => {
    const text = t(`${prefix}.${key}` as MessageKey)
    return text === undefined || text === `${prefix}.${key}` ? key : text
  }
  if (!warningId) return <Card size="small" title={t('warnings.audience.title')}><Typography.Text type="secondary">{t('warnings.audience.saveFirst')}</Typography.Text></Card>
  if (audience.isPending) return <Card size="small" title={t('warnings.audience.title')}><Spin /></Card>
  if (audience.isError) return <Card size="small" title={t('warnings.audience.title')}><Alert type="warning" showIcon message={audience.error.message} /></Card>
  const data = audience.data
  return (
    <Card size="small" title={t('warnings.audience.title')} data-testid="audience"
      extra={data.scope && <Tag color="blue" data-testid="audience-scope">{t('warnings.detail.scope', { township: data.scope.townshipName ?? data.scope.townshipCode })}</Tag>}>
      <Row gutter={12}>
        <Col span={6}><Statistic title={t('warnings.audience.people')} value={data.totalPeople} valueStyle={{ fontSize: 20 }} /></Col>
        <Col span={6}><Statistic title={t('warnings.audience.responsible')} value={data.responsiblePeople} valueStyle={{ fontSize: 20 }} /></Col>
        <Col span={6}><Statistic title={t('warnings.audience.messages')} value={data.totalMessages} valueStyle={{ fontSize: 20 }} /></Col>
        <Col span={6}>
          <Statistic title={t('warnings.audience.exposed')} value={data.exposedPopulation.population} valueStyle={{ fontSize: 20 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('warnings.audience.villages', { count: data.exposedPopulation.villages })}
            {data.exposedPopulation.synthetic && <Tag style={{ marginLeft: 4 }}>{t('warnings.audience.synthetic')}</Tag>}
          </Typography.Text>
        </Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={8}>
          <Table size="small" pagination={false} rowKey="channel" title={() => t('warnings.audience.byChannel')} dataSource={data.byChannel} data-testid="audience-channels"
            columns={[
              { dataIndex: 'channel', render: (channel: string) => label('warnings.channel', channel) },
              { dataIndex: 'recipients', align: 'right' },
              {
                dataIndex: 'missingAddress',
                // dashboard push goes to a linked platform account, not an address
                render: (n: number, row) => (n > 0 ? <Tag color="warning">{t(row.channel === 'app' ? 'warnings.audience.missingAccount' : 'warnings.audience.missing', { count: n })}</Tag> : null),
              },
            ]} showHeader={false} />
        </Col>
        <Col xs={24} md={8}>
          <Table size="small" pagination={false} rowKey="role" title={() => t('warnings.audience.byRole')} dataSource={data.byRole} showHeader={false}
            columns={[{ dataIndex: 'role', render: (role: string) => label('warnings.role', role) }, { dataIndex: 'people', align: 'right' }]} />
        </Col>
        <Col xs={24} md={8}>
          <Table size="small" pagination={false} rowKey={(row) => row.townshipCode ?? 'none'} title={() => t('warnings.audience.byTownship')} dataSource={data.byTownship} showHeader={false}
            columns={[{ dataIndex: 'townshipName', render: (name: string | null) => name ?? '—' }, { dataIndex: 'people', align: 'right' }]} />
        </Col>
      </Row>
    </Card>
  )
}
