import { useEffect, useRef, useState } from 'react'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { useQuery } from '@tanstack/react-query'
import type { FeatureCollection, LineString, Point } from 'geojson'
import { apiGet } from '../../../../lib/api-client.ts'

maplibregl.setWorkerUrl(workerUrl)

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Line features carry `colour` and `width`; point features `colour`, `radius`, `label` (hover text). */
export interface PlanningLayers {
  lines: FeatureCollection<LineString>
  points: FeatureCollection<Point>
}

export const emptyLayers: PlanningLayers = { lines: { type: 'FeatureCollection', features: [] }, points: { type: 'FeatureCollection', features: [] } }

/**
 * The planning pages' map (offline style like the one map): the county outline, coloured lines
 * (routes, allocation flows) and coloured points; a click reports the place (to pick a point),
 * a hover names a point. Fits the data when it changes.
 */
export function PlanningMap({ layers, onPick, marker, height = 460, testId }: {
  layers: PlanningLayers
  onPick?: (at: { lon: number; lat: number }) => void
  marker?: { lon: number; lat: number } | null
  height?: number
  testId: string
}) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const onPickRef = useRef(onPick)
  onPickRef.current = onPick
  const boundary = useQuery({ queryKey: ['geo', 'boundary'], queryFn: () => apiGet<FeatureCollection>('/api/geo/boundary'), staleTime: Infinity })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const instance = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: { boundary: { type: 'geojson', data: empty }, lines: { type: 'geojson', data: empty }, points: { type: 'geojson', data: empty } },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#fbf7ea', 'fill-opacity': 0.85 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#c0392b', 'line-width': 1.5, 'line-dasharray': [3, 1.5] } },
          {
            id: 'lines', type: 'line', source: 'lines', layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: { 'line-color': ['get', 'colour'], 'line-width': ['coalesce', ['get', 'width'], 2.5], 'line-opacity': 0.85 },
          },
          {
            id: 'points', type: 'circle', source: 'points',
            paint: {
              'circle-color': ['get', 'colour'], 'circle-radius': ['coalesce', ['get', 'radius'], 6],
              'circle-stroke-color': ['coalesce', ['get', 'stroke'], '#ffffff'], 'circle-stroke-width': 1.5,
            },
          },
        ],
      },
      center: [117.2, 28.96],
      zoom: 8.8,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right')
    const label = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 8 })
    instance.on('mousemove', 'points', (event) => {
      const feature = event.features?.[0]
      if (!feature || feature.geometry.type !== 'Point') return
      instance.getCanvas().style.cursor = 'pointer'
      label.setLngLat(feature.geometry.coordinates as [number, number]).setText(String(feature.properties?.label ?? '')).addTo(instance)
    })
    instance.on('mouseleave', 'points', () => {
      instance.getCanvas().style.cursor = ''
      label.remove()
    })
    instance.on('click', (event) => onPickRef.current?.({ lon: Math.round(event.lngLat.lng * 1e6) / 1e6, lat: Math.round(event.lngLat.lat * 1e6) / 1e6 }))
    instance.on('load', () => setMap(instance))
    if (navigator.webdriver) (window as unknown as Record<string, maplibregl.Map>)[`__${testId}`] = instance
    return () => {
      setMap(null)
      instance.remove()
    }
  }, [testId])

  useEffect(() => {
    if (map && boundary.data) map.getSource<maplibregl.GeoJSONSource>('boundary')?.setData(boundary.data)
  }, [map, boundary.data])

  const key = JSON.stringify(layers)
  useEffect(() => {
    if (!map) return
    const data = JSON.parse(key) as PlanningLayers
    map.getSource<maplibregl.GeoJSONSource>('lines')?.setData(data.lines)
    map.getSource<maplibregl.GeoJSONSource>('points')?.setData(data.points)
    const coordinates = [
      ...data.points.features.map((f) => f.geometry.coordinates as [number, number]),
      ...data.lines.features.flatMap((f) => f.geometry.coordinates as [number, number][]),
    ]
    if (coordinates.length === 0) return
    const bounds = new maplibregl.LngLatBounds(coordinates[0]!, coordinates[0]!)
    for (const c of coordinates) bounds.extend(c)
    map.fitBounds(bounds, { padding: 50, maxZoom: 13, animate: false })
  }, [map, key])

  useEffect(() => {
    if (!map || !marker) return
    const m = new maplibregl.Marker({ color: '#cf1322' }).setLngLat([marker.lon, marker.lat]).addTo(map)
    return () => {
      m.remove()
    }
  }, [map, marker])

  return (
    <div
      ref={containerRef}
      style={{ height, borderRadius: 6, overflow: 'hidden', cursor: onPick ? 'crosshair' : undefined }}
      data-testid={testId}
      data-lines={layers.lines.features.length}
      data-points={layers.points.features.length}
      data-ready={map ? 'true' : 'false'}
    />
  )
}
