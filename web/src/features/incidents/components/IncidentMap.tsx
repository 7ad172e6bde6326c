import { useEffect, useRef, useState } from 'react'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { useQuery } from '@tanstack/react-query'
import type { FeatureCollection, Point } from 'geojson'
import { apiGet } from '../../../lib/api-client.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import type { LonLat, NearbyItem, NearbyKind } from '../api/types.ts'
import { formatDistance } from './format.ts'

maplibregl.setWorkerUrl(workerUrl)

/** Colour of each kind of nearby thing (the legend says which). */
export const nearbyColours: Record<NearbyKind, string> = {
  team: '#1d6fd6',
  depot: '#389e0d',
  shelter: '#13a8a8',
  hazard_point: '#d48806',
  risk_point: '#722ed1',
  enterprise: '#8c8c8c',
}

// The county outline and the rivers, shared with the one map's cache entries.
const useBoundary = () =>
  useQuery({ queryKey: ['geo', 'boundary'], queryFn: () => apiGet<FeatureCollection>('/api/geo/boundary'), staleTime: Infinity })
const useRivers = () =>
  useQuery({ queryKey: ['geo', 'rivers'], queryFn: () => apiGet<FeatureCollection>('/api/geo/rivers'), staleTime: Infinity })

/** The river the flood plans watch, drawn thick (as on the one map). */
const mainRiverName = '乐安河'

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] }

/**
 * The incident board's map: the county outline, the incident (red), and the teams, depots,
 * shelters and risks near it coloured by kind; a click names a point and its distance. An
 * offline style (no tiles or glyphs), like the one map.
 */
export function IncidentMap({ location, items, visible }: { location: LonLat | null | undefined; items: NearbyItem[]; visible: NearbyKind[] }) {
  const { t } = useI18n()
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const boundary = useBoundary()
  const rivers = useRivers()
  const describe = useRef<(kind: NearbyKind, name: string, distance: number) => string>(() => '')
  describe.current = (kind, name, distance) => `${t(`incidents.nearby.${kind}` as MessageKey)} · ${name} · ${formatDistance(distance)}`

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const instance = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: {
          boundary: { type: 'geojson', data: emptyCollection },
          rivers: { type: 'geojson', data: emptyCollection },
          nearby: { type: 'geojson', data: emptyCollection },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#fbf7ea', 'fill-opacity': 0.85 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#c0392b', 'line-width': 2, 'line-dasharray': [3, 1.5] } },
          {
            id: 'rivers', type: 'line', source: 'rivers', layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: {
              'line-color': ['case', ['==', ['get', 'name'], mainRiverName], '#0b5cad', '#78aee0'],
              // A zoom curve must be the top-level expression; the river decides the width at each stop.
              'line-width': ['interpolate', ['linear'], ['zoom'], 8, ['case', ['==', ['get', 'name'], mainRiverName], 3.5, 1], 14, ['case', ['==', ['get', 'name'], mainRiverName], 9, 3]],
            },
          },
          {
            id: 'nearby', type: 'circle', source: 'nearby',
            paint: { 'circle-color': ['get', 'colour'], 'circle-radius': 6, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 },
          },
        ],
      },
      center: [117.13, 28.97],
      zoom: 9,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right')
    const label = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 8 })
    const show = (event: maplibregl.MapLayerMouseEvent) => {
      const feature = event.features?.[0]
      if (!feature || feature.geometry.type !== 'Point') return
      const props = feature.properties as { kind: NearbyKind; name: string; distanceM: number }
      label.setLngLat(feature.geometry.coordinates as [number, number]).setText(describe.current(props.kind, props.name, Number(props.distanceM))).addTo(instance)
    }
    instance.on('mousemove', 'nearby', (event) => {
      instance.getCanvas().style.cursor = 'pointer'
      show(event)
    })
    instance.on('click', 'nearby', show)
    instance.on('mouseleave', 'nearby', () => {
      instance.getCanvas().style.cursor = ''
      label.remove()
    })
    instance.on('load', () => setMap(instance))
    if (navigator.webdriver) (window as unknown as { __incidentMap?: maplibregl.Map }).__incidentMap = instance
    return () => {
      setMap(null)
      instance.remove()
    }
  }, [])

  useEffect(() => {
    if (map && boundary.data) map.getSource<maplibregl.GeoJSONSource>('boundary')?.setData(boundary.data)
  }, [map, boundary.data])
  useEffect(() => {
    if (map && rivers.data) map.getSource<maplibregl.GeoJSONSource>('rivers')?.setData(rivers.data)
  }, [map, rivers.data])

  const points: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: items.filter((item) => visible.includes(item.kind)).map((item) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [item.location.lon, item.location.lat] },
      properties: { kind: item.kind, name: item.name, distanceM: item.distanceM, colour: nearbyColours[item.kind] },
    })),
  }
  const pointsKey = JSON.stringify(points)

  useEffect(() => {
    if (!map) return
    const data = JSON.parse(pointsKey) as FeatureCollection<Point>
    map.getSource<maplibregl.GeoJSONSource>('nearby')?.setData(data)
    if (!location) return
    const bounds = new maplibregl.LngLatBounds([location.lon, location.lat], [location.lon, location.lat])
    for (const feature of data.features) bounds.extend(feature.geometry.coordinates as [number, number])
    map.fitBounds(bounds, { padding: 50, maxZoom: 13, animate: false })
  }, [map, pointsKey, location])

  // The incident itself: a pulsing red marker above every layer.
  useEffect(() => {
    if (!map || !location) return
    const element = document.createElement('div')
    element.className = 'incident-marker'
    element.title = t('incidents.here')
    Object.assign(element.style, { width: '22px', height: '22px', borderRadius: '50%', background: '#cf1322', border: '3px solid #fff', boxShadow: '0 0 0 6px rgba(207,19,34,0.25)' })
    const marker = new maplibregl.Marker({ element }).setLngLat([location.lon, location.lat]).addTo(map)
    return () => {
      marker.remove()
    }
  }, [map, location, t])

  return <div ref={containerRef} style={{ height: 360, borderRadius: 6, overflow: 'hidden' }} data-testid="incident-map" data-points={points.features.length} />
}
