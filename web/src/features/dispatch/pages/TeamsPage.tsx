import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Alert, Card, Col, Progress, Row, Select, Space, Table, Tag, Typography, type TableColumnType } from 'antd'
import type { Feature, LineString, Point } from 'geojson'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { errorText } from '../../../lib/api-error.ts'
import { useRecommendation, type RankedTeam } from '../api/planning.ts'
import { PlanningMap, type PlanningLayers } from '../components/planning/PlanningMap.tsx'

const hazards = ['flood', 'rainstorm', 'waterlogging', 'water_rescue', 'landslide', 'collapse', 'debris_flow', 'ground_subsidence',
  'forest_fire', 'fire', 'hazmat', 'mine', 'earthquake', 'medical', 'drought', 'typhoon', 'snow_ice', 'traffic'] as const

const rankColour = (team: RankedTeam) => (team.held ? '#8c8c8c' : team.rank <= 3 ? '#389e0d' : '#1677ff')

/** 队伍推荐: pick the place on the map and the hazard; teams ranked with their reasons. */
export function TeamsPage() {
  const { t, locale } = useI18n()
  // `?incidentId=` (from the incident board): the incident's place and hazard until the user picks others.
  const incidentId = useSearchParams()[0].get('incidentId') ?? undefined
  const [chosenHazard, setHazard] = useState<string | null>(null)
  const [picked, setPlace] = useState<{ lon: number; lat: number } | null>(null)
  const hazard = chosenHazard ?? (incidentId ? undefined : 'flood')
  const recommendation = useRecommendation(picked || incidentId ? { ...picked, hazard, incidentId } : null)
  const items = recommendation.data?.items ?? []
  const place = picked ?? (recommendation.data ? { lon: recommendation.data.lon, lat: recommendation.data.lat } : null)

  const layers = useMemo((): PlanningLayers => {
    const located = items.filter((team) => team.lon !== null && team.lat !== null)
    return {
      lines: {
        type: 'FeatureCollection',
        features: place ? located.filter((team) => team.rank <= 3 && !team.held).map((team): Feature<LineString> => ({
          type: 'Feature', properties: { colour: '#389e0d', width: 2 },
          geometry: { type: 'LineString', coordinates: [[team.lon!, team.lat!], [place.lon, place.lat]] },
        })) : [],
      },
      points: {
        type: 'FeatureCollection',
        features: located.map((team): Feature<Point> => ({
          type: 'Feature', properties: { colour: rankColour(team), radius: team.rank <= 3 ? 8 : 5, label: `${team.rank}. ${team.name}` },
          geometry: { type: 'Point', coordinates: [team.lon!, team.lat!] },
        })),
      },
    }
  }, [items, place])

  const columns: TableColumnType<RankedTeam>[] = [
    { title: t('dispatch.teams.rank'), dataIndex: 'rank', width: 64, render: (rank: number, team) => <Tag color={team.held ? 'default' : rank <= 3 ? 'green' : 'blue'}>{rank}</Tag> },
    {
      title: t('dispatch.teams.name'), dataIndex: 'name',
      render: (name: string, team) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          {team.held && <Tag style={{ marginLeft: 6 }} data-testid="team-held">{t(team.heldReason === 'reserve' ? 'dispatch.teams.reserve' : 'dispatch.teams.held')}</Tag>}
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{locale === 'en' ? team.whyEn : team.why}</Typography.Text></div>
        </>
      ),
    },
    {
      title: t('dispatch.teams.score'), dataIndex: 'score', width: 200,
      render: (score: number, team) => (
        <>
          <Progress percent={score} size="small" format={(p) => p?.toFixed(1)} strokeColor={rankColour(team)} />
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {t('dispatch.teams.breakdown', team.breakdown)}
          </Typography.Text>
        </>
      ),
    },
    { title: t('dispatch.teams.travel'), dataIndex: 'travelMinutes', width: 110, align: 'right', render: (m: number | null) => m ?? '—' },
  ]

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="teams-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('dispatch.teams.title')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Typography.Text>{t('dispatch.teams.hazard')}</Typography.Text>
                <Select
                  data-testid="teams-hazard" value={hazard ?? recommendation.data?.hazard} onChange={setHazard} style={{ width: 180 }}
                  options={hazards.map((key) => ({ value: key, label: t(`hazard.${key}` as MessageKey) }))}
                />
              </Space>
              <PlanningMap testId="teams-map" layers={layers} onPick={setPlace} marker={place} height={420} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {place ? `${t('dispatch.teams.place')}：${place.lon.toFixed(5)}, ${place.lat.toFixed(5)}` : t('dispatch.teams.pickHint')}
              </Typography.Text>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('dispatch.teams.weights')}>
            {recommendation.data?.incident && <Alert type="info" showIcon data-testid="teams-incident" style={{ marginBottom: 8 }} message={t('dispatch.teams.forIncident', { title: recommendation.data.incident.title })} />}
            {recommendation.error && <Alert type="error" showIcon message={errorText(recommendation.error, locale)} />}
            {recommendation.data?.travelSource === 'straight_line' && <Alert type="info" showIcon message={t('dispatch.teams.straightLine')} style={{ marginBottom: 8 }} />}
            <Table<RankedTeam>
              data-testid="teams-table" rowKey="id" size="small" columns={columns} dataSource={items}
              loading={recommendation.isFetching} pagination={{ pageSize: 10 }}
              locale={{ emptyText: place ? undefined : t('dispatch.teams.pickHint') }}
              rowClassName={(team) => (team.held ? 'team-held' : '')}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
