import { useEffect, useRef, useState } from 'react'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { useQuery } from '@tanstack/react-query'
import { Typography } from 'antd'
import type { FeatureCollection } from 'geojson'
import { apiGet } from '../../../lib/api-client.ts'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { LonLat } from '../api/types.ts'

// The call form may be the first map of the session (no other map has set it yet).
maplibregl.setWorkerUrl(workerUrl)

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** A small county map: a click puts the incident's place there (a form control holding `{lon, lat}`). */
export function PlacePicker({ value, onChange }: { value?: LonLat; onChange?: (value: LonLat) => void }) {
  const { t } = useI18n()
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const boundary = useQuery({ queryKey: ['geo', 'boundary'], queryFn: () => apiGet<FeatureCollection>('/api/geo/boundary'), staleTime: Infinity })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const instance = new maplibregl.Map({
      container,
      style: {
        version: 8,
        sources: { boundary: { type: 'geojson', data: empty } },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#fbf7ea' } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#c0392b', 'line-width': 1.5 } },
        ],
      },
      center: [117.2, 28.96],
      zoom: 8.6,
      attributionControl: false,
      dragRotate: false,
    })
    instance.on('click', (event) => onChangeRef.current?.({ lon: Math.round(event.lngLat.lng * 1e6) / 1e6, lat: Math.round(event.lngLat.lat * 1e6) / 1e6 }))
    instance.on('load', () => setMap(instance))
    return () => {
      setMap(null)
      instance.remove()
    }
  }, [])

  useEffect(() => {
    if (!map || !boundary.data) return
    map.getSource<maplibregl.GeoJSONSource>('boundary')?.setData(boundary.data)
    // The whole county in view.
    const bounds = new maplibregl.LngLatBounds()
    const visit = (coords: unknown): void => {
      if (Array.isArray(coords) && typeof coords[0] === 'number') bounds.extend([coords[0], coords[1] as number])
      else if (Array.isArray(coords)) coords.forEach(visit)
    }
    for (const feature of boundary.data.features) if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates)
    if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 10, animate: false })
  }, [map, boundary.data])

  useEffect(() => {
    if (!map || !value) return
    const marker = new maplibregl.Marker({ color: '#cf1322' }).setLngLat([value.lon, value.lat]).addTo(map)
    return () => {
      marker.remove()
    }
  }, [map, value])

  return (
    <div>
      <div ref={containerRef} style={{ height: 220, borderRadius: 6, overflow: 'hidden', cursor: 'crosshair' }} data-testid="place-picker" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {value ? `${value.lon.toFixed(5)}, ${value.lat.toFixed(5)}` : t('incidents.pickHint')}
      </Typography.Text>
    </div>
  )
}
