import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'

/** Source ids of our GeoJSON layers (filled by LepingMap as the data arrives). */
export const sourceIds = ['boundary', 'rivers', 'townships', 'villages'] as const
export type SourceId = (typeof sourceIds)[number]

/** The river the platform is most concerned with: drawn thick and dark. */
export const mainRiverName = '乐安河'

export const mapColors = {
  background: '#e8eef3',
  boundaryFill: '#fbf7ea',
  boundaryLine: '#c0392b',
  mainRiver: '#0b5cad',
  river: '#78aee0',
  township: '#d4380d',
  village: '#2f9e44',
  selected: '#faad14',
} as const

const layers: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': mapColors.background } },
  { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': mapColors.boundaryFill, 'fill-opacity': 0.85 } },
  { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': mapColors.boundaryLine, 'line-width': 2.5, 'line-dasharray': [3, 1.5] } },
  {
    id: 'rivers-minor', type: 'line', source: 'rivers',
    filter: ['!=', ['get', 'name'], mainRiverName],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': mapColors.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 2.5] },
  },
  {
    id: 'rivers-main', type: 'line', source: 'rivers',
    filter: ['==', ['get', 'name'], mainRiverName],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': mapColors.mainRiver, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 13, 7] },
  },
  {
    id: 'villages', type: 'circle', source: 'villages',
    paint: {
      'circle-color': mapColors.village,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 13, 6],
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.8, 'circle-opacity': 0.9,
    },
  },
  {
    id: 'townships', type: 'circle', source: 'townships',
    paint: {
      'circle-color': mapColors.township,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 13, 10],
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
    },
  },
  {
    id: 'selected-village', type: 'circle', source: 'villages', filter: ['==', ['get', 'code'], ''],
    paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': mapColors.selected, 'circle-stroke-width': 3 },
  },
  {
    id: 'selected-township', type: 'circle', source: 'townships', filter: ['==', ['get', 'code'], ''],
    paint: { 'circle-radius': 15, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': mapColors.selected, 'circle-stroke-width': 3.5 },
  },
]

/** The layers of this style (others may add theirs above). */
export const ownLayerIds: ReadonlySet<string> = new Set([...layers.map((layer) => layer.id), 'base-tiles'])

/** Clickable point layers. */
export const pointLayerIds = ['townships', 'villages'] as const
export const selectionLayerIds = ['selected-township', 'selected-village'] as const

/**
 * A self-contained style: no remote tiles, sprites or glyphs (the platform must work offline),
 * so names are drawn as HTML labels and popups rather than symbol layers.
 */
export function buildMapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: Object.fromEntries(sourceIds.map((id) => [id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } satisfies SourceSpecification])),
    layers,
  }
}

/** Optional online base map (天地图/OSM) below our layers, when the server configures one. */
export const baseTiles = {
  sourceId: 'base-tiles',
  layerId: 'base-tiles',
  beforeLayerId: 'boundary-fill',
} as const
