import { useMemo, useState } from 'react'
import { Alert, Button, Card, Col, InputNumber, Row, Select, Space, Statistic, Switch, Table, Tag, Typography, type TableColumnType } from 'antd'
import type { Feature, LineString, Point } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useCoverage, usePlanEvacuation, useTownshipOptions, type EvacuationPlan } from '../api/planning.ts'
import { PlanningMap, type PlanningLayers } from '../components/planning/PlanningMap.tsx'
import { colourAt, danger, minutesOf } from '../components/planning/format.ts'

type Assignment = EvacuationPlan['assignments'][number]

/**
 * 转移安置: choose the affected townships → villages' people assigned to shelters under capacity
 * (routes coloured by shelter, villages with people left without a place in red); a coverage
 * toggle shows high-risk villages with no shelter within N minutes.
 */
export function EvacuationPage() {
  const { t, locale } = useI18n()
  const townships = useTownshipOptions()
  const [codes, setCodes] = useState<string[]>([])
  const [maxMinutes, setMaxMinutes] = useState<number | null>(30)
  const [showCoverage, setShowCoverage] = useState(false)
  const [coverageMinutes, setCoverageMinutes] = useState(30)
  const evacuate = usePlanEvacuation()
  const coverage = useCoverage(coverageMinutes, showCoverage)
  const plan = evacuate.data

  const shelterColour = useMemo(() => new Map((plan?.shelters ?? []).map((s, i) => [s.id, colourAt(i)])), [plan])
  const villageName = useMemo(() => new Map((plan?.villages ?? []).map((v) => [v.code, v.name])), [plan])
  const shelterName = useMemo(() => new Map((plan?.shelters ?? []).map((s) => [s.id, s.name])), [plan])

  const layers = useMemo((): PlanningLayers => {
    const lines: Feature<LineString>[] = (plan?.assignments ?? []).filter((a) => a.route).map((a) => ({
      type: 'Feature', properties: { colour: shelterColour.get(a.shelterId), width: 2 + Math.min(3, a.people / 300) }, geometry: a.route!,
    }))
    const points: Feature<Point>[] = []
    for (const v of plan?.villages ?? []) {
      points.push({
        type: 'Feature', geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
        properties: { colour: v.unassigned > 0 ? danger : '#595959', radius: v.unassigned > 0 ? 7 : 4.5, label: `${v.name} · ${v.population}${v.unassigned > 0 ? ` · ${t('dispatch.evac.legend.unassigned')} ${v.unassigned}` : ''}` },
      })
    }
    for (const s of plan?.shelters ?? []) {
      points.push({
        type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: { colour: shelterColour.get(s.id), radius: 9, stroke: '#262626', label: `${s.name} · ${s.assigned}/${s.capacity}` },
      })
    }
    if (showCoverage) {
      for (const v of coverage.data?.villages ?? []) {
        if (v.covered) continue
        points.push({
          type: 'Feature', geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
          properties: { colour: '#ffffff', stroke: danger, radius: 6, label: `${v.name} · ${v.nearestMinutes ?? '—'} min` },
        })
      }
    }
    return { lines: { type: 'FeatureCollection', features: lines }, points: { type: 'FeatureCollection', features: points } }
  }, [plan, shelterColour, showCoverage, coverage.data, t])

  const columns: TableColumnType<Assignment>[] = [
    { title: t('dispatch.evac.village'), dataIndex: 'villageCode', render: (code: string) => villageName.get(code) ?? code },
    {
      title: t('dispatch.evac.shelter'), dataIndex: 'shelterId',
      render: (id: string) => <Space><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: shelterColour.get(id) }} />{shelterName.get(id)}</Space>,
    },
    { title: t('dispatch.evac.people'), dataIndex: 'people', align: 'right' },
    { title: t('dispatch.evac.travel'), dataIndex: 'travelSeconds', align: 'right', render: (s: number) => minutesOf(s) },
  ]
  const unassignedVillages = (plan?.villages ?? []).filter((v) => v.unassigned > 0)

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="evacuation-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('dispatch.evac.title')}</Typography.Title>
      <Card size="small">
        <Space wrap align="center">
          <Typography.Text>{t('dispatch.evac.area')}</Typography.Text>
          <Select
            mode="multiple" showSearch optionFilterProp="label" value={codes} onChange={setCodes} options={townships.data ?? []}
            style={{ minWidth: 320 }} data-testid="evac-townships"
          />
          <Typography.Text>{t('dispatch.evac.maxMinutes')}</Typography.Text>
          <InputNumber min={1} max={600} value={maxMinutes} onChange={setMaxMinutes} data-testid="evac-max-minutes" />
          <Button type="primary" disabled={codes.length === 0} loading={evacuate.isPending} data-testid="evac-plan"
            onClick={() => evacuate.mutate({ area: { divisionCodes: codes }, ...(maxMinutes ? { maxMinutes } : {}) })}>
            {t('dispatch.evac.plan')}
          </Button>
          <Switch checked={showCoverage} onChange={setShowCoverage} data-testid="evac-coverage" />
          <Typography.Text>{t('dispatch.evac.coverage')}</Typography.Text>
          {showCoverage && <InputNumber min={1} max={600} value={coverageMinutes} onChange={(v) => setCoverageMinutes(v ?? 30)} addonAfter={t('dispatch.evac.coverageMinutes')} />}
        </Space>
      </Card>
      {evacuate.error && <Alert type="error" showIcon message={errorText(evacuate.error, locale)} />}
      {showCoverage && coverage.data && (
        <Alert type={coverage.data.uncovered > 0 ? 'warning' : 'success'} showIcon data-testid="evac-coverage-summary"
          message={t('dispatch.evac.uncovered', { uncovered: coverage.data.uncovered, highRisk: coverage.data.highRisk, minutes: coverage.data.minutes })}
          description={locale === 'en' ? coverage.data.ruleEn : coverage.data.rule} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <PlanningMap testId="evacuation-map" layers={layers} height={520} />
          <Space wrap size="large" style={{ marginTop: 6, fontSize: 12 }}>
            <Legend colour={colourAt(0)} line text={t('dispatch.evac.legend.route')} />
            <Legend colour={danger} text={t('dispatch.evac.legend.unassigned')} />
            <Legend colour={colourAt(1)} ring text={t('dispatch.evac.legend.shelter')} />
            {showCoverage && <Legend colour="#fff" ring={danger} text={t('dispatch.evac.legend.uncovered')} />}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          {plan && (
            <Card size="small" data-testid="evac-result">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Row gutter={8}>
                  <Col span={8}><Statistic title={t('dispatch.evac.people')} value={plan.people} /></Col>
                  <Col span={8}><Statistic title={t('dispatch.evac.assigned')} value={plan.assigned} valueStyle={{ color: '#389e0d' }} /></Col>
                  <Col span={8}><Statistic title={t('dispatch.evac.legend.unassigned')} value={plan.unassigned} valueStyle={{ color: plan.unassigned > 0 ? danger : undefined }} /></Col>
                </Row>
                <Typography.Text type="secondary" data-testid="evac-summary">
                  {t('dispatch.evac.summary', { villages: plan.villages.length, people: plan.people, assigned: plan.assigned, unassigned: plan.unassigned })}
                </Typography.Text>
                {plan.villages.some((v) => v.synthetic) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dispatch.evac.synthetic')}</Typography.Text>}
                {unassignedVillages.length > 0 && (
                  <Alert type="error" showIcon message={t('dispatch.evac.unassignedVillages')}
                    description={unassignedVillages.slice(0, 12).map((v) => `${v.name} ${v.unassigned}`).join('、')
                      + (unassignedVillages.length > 12 ? t('dispatch.evac.andMore', { n: unassignedVillages.length }) : '')} />
                )}
                <Typography.Text strong>{t('dispatch.evac.shelters')}</Typography.Text>
                {plan.shelters.map((s) => (
                  <div key={s.id}>
                    <Tag color={shelterColour.get(s.id)}>{s.name}</Tag> {s.assigned} / {s.capacity}
                  </div>
                ))}
                <Table<Assignment> rowKey={(a) => `${a.villageCode}:${a.shelterId}`} size="small" columns={columns} dataSource={plan.assignments} pagination={{ pageSize: 8 }} />
              </Space>
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  )
}

function Legend({ colour, text, line, ring }: { colour: string; text: string; line?: boolean; ring?: boolean | string }) {
  const swatch = line
    ? { width: 18, height: 3, background: colour }
    : { width: 10, height: 10, borderRadius: 5, background: colour, border: ring ? `2px solid ${typeof ring === 'string' ? ring : '#262626'}` : undefined }
  return <Space size={4}><span style={{ display: 'inline-block', ...swatch }} />{text}</Space>
}
