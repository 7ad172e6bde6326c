import { useMemo } from 'react'
import { Alert, Card, Col, Collapse, Descriptions, Row, Space, Spin, Tag, Timeline, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import type { FeatureCollection, Geometry, Point } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useDivisionPoints } from '../api/public.ts'
import { geometryOf, hazardOf, type Warning } from '../api/types.ts'
import { useWarning } from '../api/warnings.ts'
import { AudiencePanel } from '../components/AudiencePanel.tsx'
import { DeliveryReportPanel } from '../components/DeliveryReportPanel.tsx'
import { LevelTag, StatusTag } from '../components/LevelTag.tsx'
import { WarningActions } from '../components/WarningActions.tsx'
import { WarningMap } from '../map/WarningMap.tsx'
import { circlePolygon, closeRing } from '../map/geometry.ts'
import { formatTime } from './WarningsListPage.tsx'

/** The area to draw: the server's resolved geometry, else the author's polygon or circle. */
function areaGeometry(warning: Warning): Geometry | null {
  const resolved = geometryOf(warning)
  if (resolved) return resolved
  const area = warning.area
  if (area && 'polygon' in area) return { type: 'Polygon', coordinates: [area.polygon.length > 3 && area.polygon[0]![0] === area.polygon.at(-1)![0] ? area.polygon : closeRing(area.polygon)] }
  if (area && 'circle' in area) return circlePolygon(area.circle.center, area.circle.radiusKm)
  return null
}

/** 预警详情: texts, area on the map, status timeline, CAP XML, audience and the delivery report. */
export function WarningDetailPage() {
  const { t } = useI18n()
  const { id } = useParams()
  // Poll while it waits for approval or is being delivered.
  const warning = useWarning(id, { poll: 5000 })
  const townships = useDivisionPoints('township')
  const villages = useDivisionPoints('village')
  const data = warning.data

  const areas: FeatureCollection<Geometry> = useMemo(() => {
    const geometry = data ? areaGeometry(data) : null
    return { type: 'FeatureCollection', features: geometry && data ? [{ type: 'Feature', properties: { level: data.level, id: data.id }, geometry }] : [] }
  }, [data])
  const points: FeatureCollection<Point> = useMemo(() => {
    const codes = data?.area && 'divisionCodes' in data.area ? data.area.divisionCodes : []
    const all = [...(townships.data?.features ?? []), ...(villages.data?.features ?? [])]
    return { type: 'FeatureCollection', features: all.filter((f) => codes.includes(f.properties.code)).map((f) => ({ ...f, properties: { code: f.properties.code, name: f.properties.name } })) }
  }, [data, townships.data, villages.data])

  if (warning.isPending) return <Spin style={{ display: 'block', margin: 48 }} />
  if (warning.isError || !data) return <Alert type="error" showIcon message={warning.error?.message} />
  const hazard = hazardOf(data)
  const hazardText = t(`warnings.hazard.${hazard}` as MessageKey)
  const issued = ['issued', 'superseded', 'cancelled'].includes(data.status)

  const timeline = [
    { color: 'gray', children: <>{t('warnings.detail.created', { name: data.createdBy?.name ?? '' })} <Typography.Text type="secondary">{formatTime(data.createdAt)}</Typography.Text></> },
    ...(data.submittedAt ? [{ color: 'blue', children: <>{t('warnings.detail.submitted')} <Typography.Text type="secondary">{formatTime(data.submittedAt)}</Typography.Text></> }] : []),
    ...(data.status === 'rejected' ? [{ color: 'orange', children: t('warnings.detail.rejected', { comment: data.reviewComment ?? '' }) }] : []),
    ...(data.sent ? [{
      color: 'green',
      children: <>{t('warnings.detail.approved', { name: data.approvedBy?.name ?? '' })} {data.emergencyIssue && <Tag color="red">{t('warnings.detail.emergency')}</Tag>} <Typography.Text type="secondary">{formatTime(data.sent)}</Typography.Text></>,
    }] : []),
    ...(data.status === 'superseded' || data.status === 'cancelled' ? [{ color: 'purple', children: t(`warnings.status.${data.status}`) }] : []),
  ]

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="warning-detail">
      <Card
        title={<Space wrap><LevelTag level={data.level} /><span data-testid="warning-headline-text">{data.headline}</span><StatusTag status={data.status} expires={data.expires} />{data.msgType && data.msgType !== 'Alert' && <Tag>{t(`warnings.msgType.${data.msgType}`)}</Tag>}</Space>}
        extra={(
          <Space wrap>
            {data.status === 'issued' && <Link to={`/dispatch/evacuation?warningId=${data.id}`} data-testid="warning-evacuation">{t('dispatch.evac.title')}</Link>}
            <WarningActions warning={data} size="middle" />
          </Space>
        )}
      >
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Descriptions size="small" column={1} bordered styles={{ label: { width: 110 } }}>
              <Descriptions.Item label={t('warnings.col.hazard')}>{hazardText.startsWith('warnings.') ? hazard : hazardText}</Descriptions.Item>
              <Descriptions.Item label={t('warnings.col.area')}>{data.areaDesc ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('warnings.form.description')}><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{data.description}</Typography.Paragraph></Descriptions.Item>
              {data.instruction && <Descriptions.Item label={t('warnings.form.instruction')}><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{data.instruction}</Typography.Paragraph></Descriptions.Item>}
              {data.descriptionEn && <Descriptions.Item label={t('warnings.form.descriptionEn')}>{data.headlineEn ? <b>{data.headlineEn}. </b> : null}{data.descriptionEn}</Descriptions.Item>}
              {data.onset && <Descriptions.Item label={t('warnings.form.onset')}>{formatTime(data.onset)}</Descriptions.Item>}
              <Descriptions.Item label={t('warnings.form.expires')}>{formatTime(data.expires)}</Descriptions.Item>
              <Descriptions.Item label="CAP identifier"><Typography.Text code copyable style={{ fontSize: 12 }}>{data.identifier}</Typography.Text></Descriptions.Item>
              {data.referencesId && <Descriptions.Item label={t('warnings.detail.refs')}><Link to={`/warnings/${data.referencesId}`}>{data.referencesId.slice(0, 8)}</Link></Descriptions.Item>}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('warnings.detail.timeline')}</Typography.Title>
            <Timeline items={timeline} data-testid="warning-timeline" />
          </Col>
          <Col xs={24} lg={12}>
            <WarningMap areas={areas} points={points} fitToAreas height={360} testId="detail-map" />
          </Col>
        </Row>
        {data.capXml && (
          <Collapse size="small" style={{ marginTop: 12 }} items={[{
            key: 'cap', label: `${t('warnings.detail.cap')}${data.capPreview ? t('warnings.detail.capPreview') : ''} · ${t('warnings.detail.capShow')}`,
            children: <pre style={{ maxHeight: 360, overflow: 'auto', fontSize: 12, margin: 0 }} data-testid="cap-xml">{data.capXml}</pre>,
          }]} />
        )}
      </Card>
      <AudiencePanel warningId={data.id} />
      <DeliveryReportPanel warningId={data.id} issued={issued} />
    </Space>
  )
}
