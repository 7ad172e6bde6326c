import { Descriptions, Tag, Typography } from 'antd'
import { useI18n, type Translate } from '../../../i18n/i18n.tsx'
import { enumLabel } from '../../../components/registry/fields.tsx'
import type { OverlayProperties, PointOverlay } from '../../../components/map/point-overlay.ts'
import { depots } from '../api/depots.ts'
import { teams, type TeamStatus } from '../api/teams.ts'

const text = (value: unknown) => (value === null || value === undefined || value === 'null' ? null : String(value))

const depotColor = '#722ed1'

/** 储备库: purple; city depots largest. */
export function depotOverlay(t: Translate): PointOverlay {
  return {
    id: 'depots',
    label: t('depot.title'),
    color: depotColor,
    queryKey: depots.keys.map,
    load: depots.getMap,
    pointRadius: ['match', ['get', 'level'], 'city', 9, 'township', 6.5, 5],
    pointStrokeColor: '#ffffff',
    pointStrokeWidth: 2,
    renderPopup: (properties: OverlayProperties) => <DepotPopup properties={properties} />,
  }
}

const teamColors: Record<TeamStatus, string> = { ready: '#08979c', deployed: '#fa541c', resting: '#1677ff', unavailable: '#8c8c8c' }

/** 救援队伍: coloured by readiness (待命 … 不可用). */
export function teamOverlay(t: Translate): PointOverlay {
  return {
    id: 'teams',
    label: t('team.title'),
    color: teamColors.ready,
    queryKey: teams.keys.map,
    load: teams.getMap,
    pointColor: ['match', ['get', 'status'], 'ready', teamColors.ready, 'deployed', teamColors.deployed, 'resting', teamColors.resting, teamColors.unavailable],
    pointRadius: ['interpolate', ['linear'], ['get', 'headcount'], 0, 5, 50, 8, 200, 11],
    legend: (['ready', 'deployed', 'resting', 'unavailable'] as const).map((status) => ({ label: t(`team.status.${status}`), color: teamColors[status] })),
    renderPopup: (properties: OverlayProperties) => <TeamPopup properties={properties} />,
  }
}

function DepotPopup({ properties }: { properties: OverlayProperties }) {
  const { t } = useI18n()
  return (
    <div>
      <Typography.Text strong>{text(properties.name)}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
        <Descriptions.Item label={t('registry.level')}>{enumLabel(t, 'depot.level', text(properties.level))}</Descriptions.Item>
        <Descriptions.Item label={t('registry.division')}>{text(properties.divisionCode)}</Descriptions.Item>
      </Descriptions>
    </div>
  )
}

/** MapLibre turns array properties into JSON text. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'))
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}

function TeamPopup({ properties }: { properties: OverlayProperties }) {
  const { t } = useI18n()
  const status = (text(properties.status) ?? 'unavailable') as TeamStatus
  return (
    <div>
      <Typography.Text strong>{text(properties.name)}</Typography.Text>{' '}
      <Tag color={teamColors[status]}>{enumLabel(t, 'team.status', status)}</Tag>
      <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
        <Descriptions.Item label={t('registry.type')}>{enumLabel(t, 'team.type', text(properties.type))}</Descriptions.Item>
        <Descriptions.Item label={t('team.headcount')}>{text(properties.headcount)}</Descriptions.Item>
        <Descriptions.Item label={t('team.capabilities')}>{listOf(properties.capabilities).map((key) => enumLabel(t, 'hazard', key)).join('、') || '—'}</Descriptions.Item>
      </Descriptions>
    </div>
  )
}
