import type { ExpressionSpecification } from 'maplibre-gl'
import type { Translate } from '../../../i18n/i18n.tsx'
import type { OverlayProperties, PointOverlay } from '../../../components/map/point-overlay.ts'
import { enterprises } from '../api/enterprises.ts'
import { hazardPoints } from '../api/hazard-points.ts'
import { riskPoints } from '../api/risk-points.ts'
import { shelters } from '../api/shelters.ts'
import { majorHazardHex } from '../components/MajorHazardTag.tsx'
import { riskColourHex } from '../components/risk-colours.ts'
import { EnterprisePopup, HazardPointPopup, RiskPointPopup, ShelterPopup } from './popups.tsx'

const notMajorColor = '#5b6b7f'

/** 四色: a feature's `colour` (red/orange/yellow/blue) as its fill. */
const riskFill: ExpressionSpecification = [
  'match', ['get', 'colour'],
  'red', riskColourHex.red, 'orange', riskColourHex.orange, 'yellow', riskColourHex.yellow, 'blue', riskColourHex.blue,
  '#999999',
]
/** Rank of a colour (1 = red … 4 = blue): a cluster keeps its worst. */
const riskRank: ExpressionSpecification = ['match', ['get', 'colour'], 'red', 1, 'orange', 2, 'yellow', 3, 4]

const majorLevel: ExpressionSpecification = ['coalesce', ['get', 'majorHazardLevel'], 0]

/** The enterprises layer: major hazards (重大危险源) larger, coloured by level and ringed in dark red. */
export function enterpriseOverlay(t: Translate): PointOverlay {
  return {
    id: 'enterprises',
    label: t('enterprise.title'),
    color: '#2f54eb',
    queryKey: enterprises.keys.map,
    load: enterprises.getMap,
    pointColor: ['match', majorLevel, 1, majorHazardHex[1], 2, majorHazardHex[2], 3, majorHazardHex[3], 4, majorHazardHex[4], notMajorColor],
    pointRadius: ['case', ['>', majorLevel, 0], 8, 4.5],
    pointStrokeColor: ['case', ['>', majorLevel, 0], '#7a0000', '#ffffff'],
    pointStrokeWidth: ['case', ['>', majorLevel, 0], 2.5, 1.2],
    clusterProperties: { majors: ['+', ['case', ['>', majorLevel, 0], 1, 0]] },
    clusterColor: ['case', ['>', ['get', 'majors'], 0], '#c41d7f', '#2f54eb'],
    legend: [
      { label: t('majorHazard.level.1'), color: majorHazardHex[1] },
      { label: t('majorHazard.level.2'), color: majorHazardHex[2] },
      { label: t('majorHazard.level.3'), color: majorHazardHex[3] },
      { label: t('majorHazard.level.4'), color: majorHazardHex[4] },
      { label: t('enterprise.notMajorHazard'), color: notMajorColor },
      { label: t('layers.clusterWithMajor'), color: '#c41d7f' },
    ],
    renderPopup: (properties: OverlayProperties) => <EnterprisePopup properties={properties} />,
  }
}

/** 一图: risk points in their four colours; a cluster shows its worst colour. */
export function riskPointOverlay(t: Translate): PointOverlay {
  return {
    id: 'risk-points',
    label: t('risk.mapLayer'),
    color: riskColourHex.red,
    queryKey: riskPoints.keys.map,
    load: riskPoints.getMap,
    pointColor: riskFill,
    // A dark ring sets risk points apart from the red township dots beneath.
    pointRadius: ['interpolate', ['linear'], ['zoom'], 9, 7, 14, 10],
    pointStrokeColor: '#262626',
    pointStrokeWidth: 1.5,
    clusterProperties: { worst: ['min', riskRank] },
    clusterColor: ['match', ['get', 'worst'], 1, riskColourHex.red, 2, riskColourHex.orange, 3, riskColourHex.yellow, riskColourHex.blue],
    clusterStrokeColor: '#262626',
    legend: [
      { label: `${t('risk.colour.red')} · ${t('risk.level.major')}`, color: riskColourHex.red },
      { label: `${t('risk.colour.orange')} · ${t('risk.level.large')}`, color: riskColourHex.orange },
      { label: `${t('risk.colour.yellow')} · ${t('risk.level.general')}`, color: riskColourHex.yellow },
      { label: `${t('risk.colour.blue')} · ${t('risk.level.low')}`, color: riskColourHex.blue },
    ],
    renderPopup: (properties: OverlayProperties) => <RiskPointPopup properties={properties} />,
  }
}

const hazardColor = '#8c4a1c'

/** 地质灾害隐患点: brown, larger where more people are threatened; mitigated or struck-off points faded. */
export function hazardPointOverlay(t: Translate): PointOverlay {
  return {
    id: 'hazard-points',
    label: t('hazardPoint.title'),
    color: hazardColor,
    queryKey: hazardPoints.keys.map,
    load: hazardPoints.getMap,
    pointColor: ['case', ['==', ['get', 'status'], 'active'], hazardColor, '#b9a596'],
    pointRadius: ['interpolate', ['linear'], ['get', 'threatenedPeople'], 0, 4.5, 100, 7, 500, 10],
    renderPopup: (properties: OverlayProperties) => <HazardPointPopup properties={properties} />,
  }
}

const shelterColor = '#13a35a'

/** 避灾安置场所: green, sized by capacity; closed ones grey. */
export function shelterOverlay(t: Translate): PointOverlay {
  return {
    id: 'shelters',
    label: t('shelter.title'),
    color: shelterColor,
    queryKey: shelters.keys.map,
    load: shelters.getMap,
    pointColor: ['case', ['==', ['get', 'status'], 'closed'], '#9e9e9e', shelterColor],
    pointRadius: ['interpolate', ['linear'], ['get', 'capacity'], 0, 4.5, 500, 7, 3000, 10],
    renderPopup: (properties: OverlayProperties) => <ShelterPopup properties={properties} />,
  }
}
