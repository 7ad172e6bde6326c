import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Alert, Button, Card, Col, InputNumber, Row, Space, Statistic, Switch, Table, Tag, Typography, type TableColumnType } from 'antd'
import type { Feature, Geometry, LineString, Point } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useCoverage, usePlanEvacuation, useTownshipOptions, useVillages, useWarningArea, useWarningsInForce, type EvacuationArea, type EvacuationPlan } from '../api/planning.ts'
import { areaOf, EvacuationAreaPicker, toggleVillageAt, type AreaPick } from '../components/planning/EvacuationAreaPicker.tsx'
import { PlanningMap, type PlanningLayers } from '../components/planning/PlanningMap.tsx'
import { colourAt, danger, minutesOf } from '../components/planning/format.ts'

type Assignment = EvacuationPlan['assignments'][number]

const areaLine = '#1677ff'

/** The pick a link opens the page with: `?warningId=` (a warning's area) or `?divisionCodes=a,b` (villages or townships). */
function initialPick(params: URLSearchParams): AreaPick {
  const warningId = params.get('warningId')
  const codes = (params.get('divisionCodes') ?? '').split(',').filter((c) => /^\d{12}$/.test(c))
  const villages = codes.filter((c) => !c.endsWith('000'))
  const mode = warningId ? 'warning' : villages.length ? 'villages' : codes.length ? 'townships' : 'warning'
  return { mode, warningId, villages, townships: codes.filter((c) => c.endsWith('000')), corners: [] }
}

/** The outline of a polygon or multipolygon as lines (the planning map draws lines and points). */
const outlines = (geometry: Geometry): Feature<LineString>[] => {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : []
  return polygons.flatMap((rings) => rings.map((ring): Feature<LineString> => ({ type: 'Feature', properties: { colour: areaLine, width: 1.5 }, geometry: { type: 'LineString', coordinates: ring } })))
}

/**
 * 转移安置: the area — a warning in force (or the one a 转移安置 link names), villages picked by
 * name or on the map, townships, or a drawn polygon → its villages' people assigned to shelters
 * under capacity (routes coloured by shelter, villages with people left without a place in red),
 * with the area planned named and outlined; a coverage toggle shows high-risk villages with no
 * shelter within N minutes.
 */
export function EvacuationPage() {
  const { t, locale } = useI18n()
  const [params] = useSearchParams()
  const townships = useTownshipOptions()
  const villagePoints = useVillages()
  const issued = useWarningsInForce()
  const [pick, setPick] = useState<AreaPick>(() => initialPick(params))
  const [planned, setPlanned] = useState<EvacuationArea | null>(null)
  const shownWarning = useWarningArea(pick.mode === 'warning' ? pick.warningId : null)
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
    // The area being picked: the warning's outline, the drawn corners, the picked villages (all villages as dots before a plan).
    const warningGeometry = pick.mode === 'warning' && shownWarning.data?.id === pick.warningId ? shownWarning.data.areaGeometry ?? shownWarning.data.geometry ?? null : null
    if (warningGeometry) lines.push(...outlines(warningGeometry))
    if (pick.mode === 'polygon' && pick.corners.length > 1) {
      lines.push({ type: 'Feature', properties: { colour: areaLine, width: 2 }, geometry: { type: 'LineString', coordinates: pick.corners.length > 2 ? [...pick.corners, pick.corners[0]!] : pick.corners } })
    }
    if (pick.mode === 'polygon') {
      for (const c of pick.corners) points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: { colour: areaLine, radius: 4 } })
    }
    if (pick.mode === 'villages') {
      const picked = new Set(pick.villages)
      for (const v of villagePoints.data ?? []) {
        if (plan && !picked.has(v.code)) continue
        points.push({
          type: 'Feature', geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
          properties: picked.has(v.code) ? { colour: '#ffffff', stroke: areaLine, radius: 8, label: v.name } : { colour: '#bfbfbf', radius: 3, label: v.name },
        })
      }
    }
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
  }, [plan, shelterColour, showCoverage, coverage.data, t, pick, shownWarning.data, villagePoints.data])

  const onPick = pick.mode === 'villages' ? (at: { lon: number; lat: number }) => setPick((p) => toggleVillageAt(p, villagePoints.data ?? [], at))
    : pick.mode === 'polygon' ? (at: { lon: number; lat: number }) => setPick((p) => ({ ...p, corners: [...p.corners, [at.lon, at.lat]] }))
      : undefined
  const area = areaOf(pick)
  const plannedText = useMemo(() => {
    if (!planned) return null
    if ('warningId' in planned) {
      const headline = (issued.data ?? []).find((w) => w.id === planned.warningId)?.headline ?? shownWarning.data?.headline ?? planned.warningId
      return t('dispatch.evac.areaUsed.warning', { headline })
    }
    if ('polygon' in planned) return t('dispatch.evac.areaUsed.polygon', { n: planned.polygon.coordinates[0]!.length - 1 })
    const names = new Map([...(townships.data ?? []).map((o) => [o.value, o.label] as const), ...(villagePoints.data ?? []).map((v) => [v.code, v.name] as const)])
    return t('dispatch.evac.areaUsed.divisions', { names: planned.divisionCodes.map((c) => names.get(c) ?? c).join('、') })
  }, [planned, issued.data, shownWarning.data, townships.data, villagePoints.data, t])

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
          <EvacuationAreaPicker pick={pick} onChange={setPick} warnings={issued.data ?? []} villages={villagePoints.data ?? []} townships={townships.data ?? []} />
          <Typography.Text>{t('dispatch.evac.maxMinutes')}</Typography.Text>
          <InputNumber min={1} max={600} value={maxMinutes} onChange={setMaxMinutes} data-testid="evac-max-minutes" />
          <Button type="primary" disabled={area === null} loading={evacuate.isPending} data-testid="evac-plan"
            onClick={() => {
              if (!area) return
              setPlanned(area)
              evacuate.mutate({ area, ...(maxMinutes ? { maxMinutes } : {}) })
            }}>
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
          <PlanningMap testId="evacuation-map" layers={layers} height={520} onPick={onPick} />
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
                {plannedText && <Typography.Text data-testid="evac-area-used"><Typography.Text strong>{t('dispatch.evac.areaUsed')}：</Typography.Text>{plannedText}</Typography.Text>}
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
