import { useMemo, useState } from 'react'
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Space, Table, Tag, Typography, type TableColumnType } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import type { Feature, LineString, Point } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useRegistrySession } from '../../../components/registry/session.tsx'
import { useAllocate, useConfirmOrder, useShelterOptions, useSupplyOptions, type DispatchOrder, type OrderLine, type Priority } from '../api/planning.ts'
import { PlanningMap, type PlanningLayers, emptyLayers } from '../components/planning/PlanningMap.tsx'
import { colourAt, danger, minutesOf } from '../components/planning/format.ts'

interface DemandRow { shelterId?: string; priority: Priority; items: { supplyId?: string; quantity?: number }[] }
const confirmers = ['commander', 'duty_officer']

/** 物资调配: demand rows → HiGHS allocation (a draft 调拨单) → table and map → confirm into the ledger. */
export function AllocationPage() {
  const { t, locale } = useI18n()
  const { role } = useRegistrySession()
  const [form] = Form.useForm<{ demands: DemandRow[] }>()
  const supplies = useSupplyOptions()
  const shelters = useShelterOptions()
  const allocate = useAllocate()
  const confirm = useConfirmOrder()
  const [order, setOrder] = useState<DispatchOrder | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const submit = (values: { demands: DemandRow[] }) => {
    const demands = (values.demands ?? []).map((d) => ({
      shelterId: d.shelterId, priority: d.priority,
      items: (d.items ?? []).filter((i) => i.supplyId && i.quantity).map((i) => ({ supplyId: i.supplyId!, quantity: i.quantity! })),
    }))
    if (demands.length === 0 || demands.some((d) => !d.shelterId || d.items.length === 0)) {
      setFormError(t('dispatch.alloc.needOne'))
      return
    }
    setFormError(null)
    confirm.reset()
    allocate.mutate({ demands }, { onSuccess: setOrder })
  }

  const sourceColour = useMemo(() => {
    const ids = [...new Set(order?.lines.map((l) => l.sourceId) ?? [])]
    return new Map(ids.map((id, i) => [id, colourAt(i)]))
  }, [order])

  const layers = useMemo((): PlanningLayers => {
    if (!order) return emptyLayers
    const lines = order.lines.filter((l) => l.sourceLon !== null && l.sourceLat !== null)
    const sources = new Map(lines.map((l) => [l.sourceId, l]))
    const unmetAt = new Set(order.unmet.map((u) => u.demandIndex))
    return {
      lines: {
        type: 'FeatureCollection',
        features: lines.map((l): Feature<LineString> => ({
          type: 'Feature', properties: { colour: sourceColour.get(l.sourceId), width: 2 + Math.min(4, Math.log10(l.quantity + 1)) },
          geometry: { type: 'LineString', coordinates: [[l.sourceLon!, l.sourceLat!], [l.demandLon, l.demandLat]] },
        })),
      },
      points: {
        type: 'FeatureCollection',
        features: [
          ...[...sources.values()].map((l): Feature<Point> => ({
            type: 'Feature', properties: { colour: sourceColour.get(l.sourceId), radius: 7, label: `${t(`dispatch.alloc.kind.${l.sourceKind}`)} · ${l.sourceName}` },
            geometry: { type: 'Point', coordinates: [l.sourceLon!, l.sourceLat!] },
          })),
          ...order.demands.map((d): Feature<Point> => ({
            type: 'Feature', properties: { colour: unmetAt.has(d.index) ? danger : '#fadb14', stroke: '#262626', radius: 8, label: d.label },
            geometry: { type: 'Point', coordinates: [d.lon, d.lat] },
          })),
        ],
      },
    }
  }, [order, sourceColour, t])

  const columns: TableColumnType<OrderLine>[] = [
    { title: t('dispatch.alloc.kind'), dataIndex: 'sourceKind', width: 100, render: (kind: OrderLine['sourceKind']) => <Tag color={kind === 'depot' ? 'purple' : 'gold'}>{t(`dispatch.alloc.kind.${kind}`)}</Tag> },
    { title: t('dispatch.alloc.source'), dataIndex: 'sourceName', render: (name: string, l) => <Space><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: sourceColour.get(l.sourceId) }} />{name}</Space> },
    { title: t('dispatch.alloc.demand'), dataIndex: 'demandLabel' },
    { title: t('dispatch.alloc.supply'), dataIndex: 'supplyName' },
    { title: t('dispatch.alloc.quantity'), dataIndex: 'quantity', align: 'right', render: (q: number, l) => `${q} ${l.unit}` },
    { title: t('dispatch.alloc.travel'), dataIndex: 'travelSeconds', align: 'right', render: (s: number) => minutesOf(s) },
  ]

  const result = confirm.data ?? order
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="allocation-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('dispatch.alloc.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dispatch.alloc.demands')}>
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ demands: [{ priority: 'urgent', items: [{}] }] }}>
              <Form.List name="demands">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="demand-row"
                        extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}>
                        <Space wrap>
                          <Form.Item name={[field.name, 'shelterId']} label={t('dispatch.alloc.shelter')} style={{ marginBottom: 8 }}>
                            <Select showSearch optionFilterProp="label" options={shelters.data ?? []} style={{ width: 220 }} data-testid="demand-shelter" />
                          </Form.Item>
                          <Form.Item name={[field.name, 'priority']} label={t('dispatch.alloc.priority')} style={{ marginBottom: 8 }}>
                            <Select style={{ width: 100 }} options={(['urgent', 'normal', 'low'] as const).map((p) => ({ value: p, label: t(`dispatch.alloc.priority.${p}`) }))} />
                          </Form.Item>
                        </Space>
                        <Form.List name={[field.name, 'items']}>
                          {(items, itemOps) => (
                            <>
                              {items.map((item) => (
                                <Space key={item.key} align="baseline">
                                  <Form.Item name={[item.name, 'supplyId']} style={{ marginBottom: 6 }}>
                                    <Select showSearch optionFilterProp="label" placeholder={t('dispatch.alloc.supply')} options={supplies.data ?? []} style={{ width: 200 }} data-testid="demand-supply" />
                                  </Form.Item>
                                  <Form.Item name={[item.name, 'quantity']} style={{ marginBottom: 6 }}>
                                    <InputNumber min={1} precision={0} placeholder={t('dispatch.alloc.quantity')} data-testid="demand-quantity" />
                                  </Form.Item>
                                  {items.length > 1 && <MinusCircleOutlined onClick={() => itemOps.remove(item.name)} />}
                                </Space>
                              ))}
                              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => itemOps.add({})} data-testid="add-item">{t('dispatch.alloc.addItem')}</Button>
                            </>
                          )}
                        </Form.List>
                      </Card>
                    ))}
                    <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ priority: 'normal', items: [{}] })}>{t('dispatch.alloc.addDemand')}</Button>
                  </>
                )}
              </Form.List>
              {formError && <Alert type="warning" showIcon message={formError} style={{ marginTop: 8 }} />}
              {allocate.error && <Alert type="error" showIcon message={errorText(allocate.error, locale)} style={{ marginTop: 8 }} />}
              <Button type="primary" htmlType="submit" loading={allocate.isPending} style={{ marginTop: 12 }} data-testid="allocate">{t('dispatch.alloc.solve')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <PlanningMap testId="allocation-map" layers={layers} height={420} />
        </Col>
      </Row>
      {result && (
        <Card
          size="small" data-testid="allocation-result"
          title={<Space>{t('dispatch.alloc.order', { orderNo: result.orderNo })}<Tag color={result.status === 'confirmed' ? 'green' : 'blue'}>{t(`dispatch.alloc.status.${result.status}`)}</Tag></Space>}
          extra={result.status === 'draft' && confirmers.includes(role) && (
            <Button type="primary" danger loading={confirm.isPending} onClick={() => confirm.mutate(result.id)} data-testid="confirm-order">{t('dispatch.alloc.confirm')}</Button>
          )}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('dispatch.alloc.objective', { value: Math.round(result.objectiveSeconds / 60), ms: Math.round(result.solveMs) })}</Typography.Text>
            {confirm.error && <Alert type="error" showIcon message={errorText(confirm.error, locale)} />}
            {result.status === 'confirmed' && <Alert type="success" showIcon message={t('dispatch.alloc.confirmed')} />}
            {result.lines.some((l) => l.sourceKind === 'reserve') && <Alert type="info" showIcon message={t('dispatch.alloc.reserveNote')} />}
            {result.unmet.length === 0
              ? <Alert type="success" message={t('dispatch.alloc.allMet')} />
              : <Alert type="warning" showIcon data-testid="allocation-unmet" message={t('dispatch.alloc.unmet')}
                  description={result.unmet.map((u) => `${u.demandLabel}：${u.supplyName} ${u.quantity} ${u.unit}`).join('；')} />}
            <Table<OrderLine> rowKey={(l) => `${l.sourceId}:${l.demandIndex}:${l.supplyId}`} size="small" columns={columns} dataSource={result.lines} pagination={false} data-testid="allocation-lines" />
          </Space>
        </Card>
      )}
    </Space>
  )
}
