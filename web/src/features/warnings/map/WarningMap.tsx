import { useEffect, useRef, useState } from 'react'
import * as maplibregl from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { FeatureCollection, Geometry, Point } from 'geojson'
import { useBoundary } from '../api/public.ts'
import type { LonLat } from '../api/types.ts'
import { levelHex } from '../components/levels.ts'

// The worker is a separate file in the build (Vite), as in the other maps.
maplibregl.setWorkerUrl(workerUrl)

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }
const levelColour: maplibregl.ExpressionSpecification = [
  'match', ['get', 'level'], 'red', levelHex.red, 'orange', levelHex.orange, 'yellow', levelHex.yellow, 'blue', levelHex.blue, '#888',
]

export interface WarningMapProps {
  /** Warning areas; each feature's `level` colours it, `id` is given back on click. */
  areas?: FeatureCollection<Geometry>
  /** Division points to mark (picked townships/villages), with `name`. */
  points?: FeatureCollection<Point>
  /** The shape being drawn: corners (line until closed) and the preview polygon. */
  drawing?: { corners: LonLat[]; preview: FeatureCollection<Geometry> }
  onMapClick?: (lngLat: LonLat) => void
  onAreaClick?: (id: string) => void
  height?: number | string
  testId?: string
  /** Fit the view to the areas when they change (default: the county). */
  fitToAreas?: boolean
}

/**
 * A small MapLibre map for warnings: the county boundary (public, so it also works without a
 * session), warning areas coloured by level, picked division points and a drawing layer.
 * The offline style has no glyphs, so names show as HTML markers.
 */
export function WarningMap({ areas = empty as FeatureCollection<Geometry>, points, drawing, onMapClick, onAreaClick, height = 420, testId = 'warning-map', fitToAreas = false }: WarningMapProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const boundary = useBoundary()
  // The last view asked for: redone when the container gets its real size (a map created in a
  // hidden or not yet laid-out container would otherwise keep a view fitted to 0 × 0 pixels).
  const fitRef = useRef<(() => void) | null>(null)
  const clickRef = useRef(onMapClick)
  const areaClickRef = useRef(onAreaClick)
  clickRef.current = onMapClick
  areaClickRef.current = onAreaClick

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const instance = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: {
          boundary: { type: 'geojson', data: empty },
          areas: { type: 'geojson', data: empty },
          points: { type: 'geojson', data: empty },
          drawPreview: { type: 'geojson', data: empty },
          drawCorners: { type: 'geojson', data: empty },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#fbf7ea', 'fill-opacity': 0.9 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#8c8c8c', 'line-width': 2, 'line-dasharray': [3, 1.5] } },
          { id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': levelColour, 'fill-opacity': 0.35 } },
          { id: 'areas-line', type: 'line', source: 'areas', paint: { 'line-color': levelColour, 'line-width': 2.5 } },
          { id: 'preview-fill', type: 'fill', source: 'drawPreview', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#722ed1', 'fill-opacity': 0.2 } },
          { id: 'preview-line', type: 'line', source: 'drawPreview', paint: { 'line-color': '#722ed1', 'line-width': 2, 'line-dasharray': [2, 1] } },
          { id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 7, 'circle-color': '#722ed1', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
          { id: 'corners', type: 'circle', source: 'drawCorners', paint: { 'circle-radius': 5, 'circle-color': '#fff', 'circle-stroke-color': '#722ed1', 'circle-stroke-width': 2.5 } },
        ],
      },
      center: [117.13, 28.97],
      zoom: 8.6,
      attributionControl: false,
    })
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right')
    instance.on('click', (event) => {
      const hit = instance.queryRenderedFeatures(event.point, { layers: ['areas-fill'] })[0]
      if (clickRef.current) clickRef.current([round6(event.lngLat.lng), round6(event.lngLat.lat)])
      else if (hit && areaClickRef.current) areaClickRef.current(String(hit.properties?.id ?? ''))
    })
    instance.on('load', () => setMap(instance))
    const observer = new ResizeObserver(() => {
      if (container.clientWidth === 0 || container.clientHeight === 0) return
      instance.resize()
      fitRef.current?.()
    })
    observer.observe(container)
    // Browser tests project coordinates to pixels through the map (by test id).
    const exposed = ((window as unknown as { __warningMaps?: Record<string, maplibregl.Map> }).__warningMaps ??= {})
    exposed[testId] = instance
    return () => {
      observer.disconnect()
      if (exposed[testId] === instance) delete exposed[testId]
      setMap(null)
      instance.remove()
    }
  }, [testId])

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = onMapClick ? 'crosshair' : ''
  }, [map, onMapClick])

  useEffect(() => {
    if (!map || !boundary.data) return
    ;(map.getSource('boundary') as maplibregl.GeoJSONSource).setData(boundary.data)
    if (!fitToAreas || areas.features.length === 0) {
      const bounds = boundsOf(boundary.data)
      if (bounds) {
        fitRef.current = () => map.fitBounds(bounds, { padding: 24, animate: false })
        fitRef.current()
      }
    }
  }, [map, boundary.data, fitToAreas, areas.features.length])

  // Township names (the boundary answer carries their points): the offline style draws no text.
  useEffect(() => {
    if (!map || !boundary.data) return
    const markers = boundary.data.features.filter((f) => f.geometry.type === 'Point').map((feature) => {
      const label = document.createElement('div')
      label.textContent = String(feature.properties?.name ?? '')
      label.style.cssText = 'font-size:11px;color:#595959;text-shadow:0 0 2px #fff,0 0 2px #fff;white-space:nowrap;pointer-events:none'
      return new maplibregl.Marker({ element: label, anchor: 'center' }).setLngLat((feature.geometry as Point).coordinates as LonLat).addTo(map)
    })
    return () => markers.forEach((marker) => marker.remove())
  }, [map, boundary.data])

  useEffect(() => {
    if (!map) return
    ;(map.getSource('areas') as maplibregl.GeoJSONSource).setData(areas)
    if (fitToAreas && areas.features.length > 0) {
      const bounds = boundsOf(areas)
      if (bounds) {
        fitRef.current = () => map.fitBounds(bounds, { padding: 60, maxZoom: 12, animate: false })
        fitRef.current()
      }
    }
  }, [map, areas, fitToAreas])

  useEffect(() => {
    if (!map) return
    ;(map.getSource('points') as maplibregl.GeoJSONSource).setData(points ?? empty)
    const markers = (points?.features ?? []).map((feature) => {
      const label = document.createElement('div')
      label.textContent = String(feature.properties?.name ?? '')
      label.style.cssText = 'font-size:12px;padding:1px 5px;border-radius:3px;background:rgba(255,255,255,.9);border:1px solid #722ed1;color:#391085;white-space:nowrap'
      return new maplibregl.Marker({ element: label, anchor: 'top', offset: [0, 9] }).setLngLat(feature.geometry.coordinates as LonLat).addTo(map)
    })
    return () => markers.forEach((marker) => marker.remove())
  }, [map, points])

  useEffect(() => {
    if (!map) return
    ;(map.getSource('drawPreview') as maplibregl.GeoJSONSource).setData(drawing?.preview ?? empty)
    const corners: FeatureCollection = {
      type: 'FeatureCollection',
      features: (drawing?.corners ?? []).map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })),
    }
    ;(map.getSource('drawCorners') as maplibregl.GeoJSONSource).setData(corners)
  }, [map, drawing])

  return <div ref={containerRef} style={{ height, width: '100%', borderRadius: 6, overflow: 'hidden', border: '1px solid #f0f0f0' }} data-testid={testId} data-ready={map ? 'true' : 'false'} />
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6

function boundsOf(collection: FeatureCollection): maplibregl.LngLatBounds | null {
  const bounds = new maplibregl.LngLatBounds()
  let any = false
  const visit = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') {
      bounds.extend(coords as [number, number])
      any = true
    } else if (Array.isArray(coords)) coords.forEach(visit)
  }
  for (const feature of collection.features) if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates)
  return any ? bounds : null
}
