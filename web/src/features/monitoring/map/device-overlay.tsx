import type { ExpressionSpecification } from 'maplibre-gl'
import type { Translate } from '../../../i18n/i18n.tsx'
import type { OverlayProperties, PointOverlay } from '../../../components/map/point-overlay.ts'
import { getDevicesMap } from '../api/get-devices-map.ts'
import { monitoringKeys } from '../api/keys.ts'
import { alarmLevelHex, deviceStatusHex } from '../components/alarm-colours.ts'
import { DevicePopup } from './DevicePopup.tsx'

/** Rank of a device's state: 1 red … 4 blue alarm, 5 online, 6 offline or never reported. */
const stateRank: ExpressionSpecification = [
  'match', ['coalesce', ['get', 'alarmLevel'], 'none'],
  'red', 1, 'orange', 2, 'yellow', 3, 'blue', 4,
  ['match', ['get', 'status'], 'online', 5, 6],
]

const colourOfRank = (rank: ExpressionSpecification): ExpressionSpecification => [
  'match', rank,
  1, alarmLevelHex.red, 2, alarmLevelHex.orange, 3, alarmLevelHex.yellow, 4, alarmLevelHex.blue, 5, deviceStatusHex.online,
  deviceStatusHex.offline,
]

/**
 * Monitoring devices on the map: an alarm's colour (蓝黄橙红) where one is open, otherwise
 * green online, grey offline; a cluster takes its worst device's colour; alarmed devices larger.
 */
export function deviceOverlay(t: Translate): PointOverlay {
  return {
    id: 'monitoring-devices',
    label: t('monitoring.deviceLayer'),
    color: deviceStatusHex.online,
    queryKey: monitoringKeys.deviceMap,
    load: getDevicesMap,
    pointColor: colourOfRank(stateRank),
    // A zoom curve must be the outermost expression: the alarm case goes inside each stop.
    pointRadius: ['interpolate', ['linear'], ['zoom'], 9, ['case', ['<=', stateRank, 4], 7, 4.5], 14, ['case', ['<=', stateRank, 4], 10, 7]],
    // A dark ring sets devices apart from the green village dots beneath.
    pointStrokeColor: '#262626',
    pointStrokeWidth: ['case', ['<=', stateRank, 4], 2, 1.2],
    clusterProperties: { worst: ['min', stateRank] },
    clusterColor: colourOfRank(['get', 'worst']),
    clusterStrokeColor: '#262626',
    legend: [
      { label: t('monitoring.level.red'), color: alarmLevelHex.red },
      { label: t('monitoring.level.orange'), color: alarmLevelHex.orange },
      { label: t('monitoring.level.yellow'), color: alarmLevelHex.yellow },
      { label: t('monitoring.level.blue'), color: alarmLevelHex.blue },
      { label: t('monitoring.status.online'), color: deviceStatusHex.online },
      { label: t('monitoring.status.offline'), color: deviceStatusHex.offline },
    ],
    renderPopup: (properties: OverlayProperties) => <DevicePopup properties={properties} />,
  }
}
