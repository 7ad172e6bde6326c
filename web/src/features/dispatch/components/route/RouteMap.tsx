import { useEffect, useRef, useState } from 'react'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { useQuery } from '@tanstack/react-query'
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson'
import { apiGet } from '../../../../lib/api-client.ts'
import type { LonLatPair, Roads } from '../../api/routing.ts'

maplibregl.setWorkerUrl(workerUrl)

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Road colours and widths by class, national first. */
export const roadStyle: Record<string, { colour: string; width: number }> = {
  national: { colour: '#c0392b', width: 3.5 },
  provincial: { colour: '#e67e22', width: 3 },
  county: { colour: '#d4a017', width: 2.4 },
  township: { colour: '#7f8c8d', width: 1.5 },
  village: { colour: '#a4b0be', width: 1 },
  other: { colour: '#c8d0d8', width: 0.8 },
}

const match = (key: 'colour' | 'width'): maplibregl.ExpressionSpecification =>
  ['match', ['get', 'class'], ...Object.entries(roadStyle).flatMap(([k, v]) => [k, v[key]]), roadStyle.other![key]] as unknown as maplibregl.ExpressionSpecification

export interface RouteMapProps {
  roads?: Roads
  closures: FeatureCollection<Geometry>
  route: LineString | null
  from: LonLatPair | null
  to: LonLatPair | null
  /** Corners of the closure polygon being drawn. */
  drawing: LonLatPair[]
  onClick: (at: LonLatPair) => void
  height?: number
}

/**
 * The routing map (offline style): county outline, roads by class, closures in red, the closure
 * being drawn, the route in blue from the green start to the red end.
 */
export function RouteMap({ roads, closures, route, from, to, drawing, onClick, height = 560 }: RouteMapProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const clickRef = useRef(onClick)
  clickRef.current = onClick
  const boundary = useQuery({ queryKey: ['geo', 'boundary'], queryFn: () => apiGet<FeatureCollection>('/api/geo/boundary'), staleTime: Infinity })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const instance = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: {
          boundary: { type: 'geojson', data: empty }, roads: { type: 'geojson', data: empty }, closures: { type: 'geojson', data: empty },
          drawing: { type: 'geojson', data: empty }, route: { type: 'geojson', data: empty }, ends: { type: 'geojson', data: empty },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#fbf7ea', 'fill-opacity': 0.9 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#8c8c8c', 'line-width': 1.5, 'line-dasharray': [3, 1.5] } },
          {
            id: 'roads', type: 'line', source: 'roads', layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': ['match', ['get', 'class'], 'national', 5, 'provincial', 4, 'county', 3, 'township', 2, 1] },
            paint: { 'line-color': match('colour'), 'line-width': match('width') },
          },
          { id: 'closures-fill', type: 'fill', source: 'closures', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#f5222d', 'fill-opacity': 0.25 } },
          { id: 'closures-line', type: 'line', source: 'closures', paint: { 'line-color': '#cf1322', 'line-width': 2.5 } },
          { id: 'drawing-fill', type: 'fill', source: 'drawing', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#f5222d', 'fill-opacity': 0.12 } },
          { id: 'drawing-line', type: 'line', source: 'drawing', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#cf1322', 'line-width': 2, 'line-dasharray': [2, 1] } },
          { id: 'drawing-corners', type: 'circle', source: 'drawing', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4.5, 'circle-color': '#fff', 'circle-stroke-color': '#cf1322', 'circle-stroke-width': 2 } },
          { id: 'route-casing', type: 'line', source: 'route', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 8 } },
          { id: 'route', type: 'line', source: 'route', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#1677ff', 'line-width': 5 } },
          {
            id: 'ends', type: 'circle', source: 'ends',
            paint: { 'circle-radius': 7, 'circle-color': ['match', ['get', 'end'], 'from', '#389e0d', '#cf1322'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
          },
        ],
      },
      center: [117.2, 28.96],
      zoom: 9,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      doubleClickZoom: false,
    })
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right')
    instance.on('click', (event) => clickRef.current([round6(event.lngLat.lng), round6(event.lngLat.lat)]))
    instance.on('load', () => setMap(instance))
    if (navigator.webdriver) (window as unknown as Record<string, maplibregl.Map>).__routeMap = instance
    return () => {
      setMap(null)
      instance.remove()
    }
  }, [])

  useEffect(() => {
    if (map && boundary.data) sourceOf(map, 'boundary')?.setData(boundary.data)
  }, [map, boundary.data])
  useEffect(() => {
    if (map && roads) sourceOf(map, 'roads')?.setData(roads)
  }, [map, roads])
  useEffect(() => {
    if (map) sourceOf(map, 'closures')?.setData(closures)
  }, [map, closures])
  useEffect(() => {
    if (!map) return
    const features: Feature[] = drawing.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }))
    if (drawing.length >= 3) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...drawing, drawing[0]!]] } })
    else if (drawing.length === 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: drawing } })
    sourceOf(map, 'drawing')?.setData({ type: 'FeatureCollection', features })
  }, [map, drawing])
  useEffect(() => {
    if (!map) return
    sourceOf(map, 'route')?.setData(route ? { type: 'Feature', properties: {}, geometry: route } : empty)
    const ends: Feature[] = []
    if (from) ends.push({ type: 'Feature', properties: { end: 'from' }, geometry: { type: 'Point', coordinates: from } })
    if (to) ends.push({ type: 'Feature', properties: { end: 'to' }, geometry: { type: 'Point', coordinates: to } })
    sourceOf(map, 'ends')?.setData({ type: 'FeatureCollection', features: ends })
  }, [map, route, from, to])

  return <div ref={containerRef} data-testid="route-map" data-ready={map ? 'true' : 'false'} style={{ height, width: '100%', borderRadius: 8, overflow: 'hidden' }} />
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
const sourceOf = (map: maplibregl.Map | null, id: string) => map?.getSource<maplibregl.GeoJSONSource>(id)
