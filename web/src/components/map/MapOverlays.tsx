import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Card, Checkbox, Spin } from 'antd'
import { useQuery } from '@tanstack/react-query'
import * as maplibregl from 'maplibre-gl'
import type { FeatureCollection, Point } from 'geojson'
import { useI18n } from '../../i18n/i18n.tsx'
import type { OverlayLegendEntry, OverlayProperties, PointOverlay } from './point-overlay.ts'
import styles from './MapOverlays.module.css'

export interface MapOverlaysProps {
  map: maplibregl.Map
  /** Bottom first: later overlays draw (and take clicks) above earlier ones. */
  overlays: readonly PointOverlay[]
  visible: readonly string[]
  onVisibleChange: (visible: string[]) => void
}

interface OpenPopup {
  overlay: PointOverlay
  properties: OverlayProperties
  lngLat: [number, number]
}

const clusterLayerId = (overlay: PointOverlay) => `${overlay.id}-clusters`
const pointLayerId = (overlay: PointOverlay) => `${overlay.id}-points`
const emptyCollection: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] }

/**
 * Registry layers on the one map: a panel of toggles with each layer's legend, the layers
 * themselves (clustered GeoJSON, circle layers, cluster counts as HTML markers since the
 * offline style has no glyphs) and a popup with the clicked point's key facts.
 */
export function MapOverlays({ map, overlays, visible, onVisibleChange }: MapOverlaysProps) {
  const { t } = useI18n()
  const [popup, setPopup] = useState<OpenPopup | null>(null)
  const [popupNode] = useState(() => document.createElement('div'))
  const [loading, setLoading] = useState<Record<string, boolean>>({})

  useEffect(() => {
    if (!popup) return
    const mapPopup = new maplibregl.Popup({ maxWidth: '340px', offset: 10 }).setLngLat(popup.lngLat).setDOMContent(popupNode).addTo(map)
    mapPopup.on('close', () => setPopup((open) => (open === popup ? null : open)))
    return () => {
      mapPopup.remove()
    }
  }, [map, popup, popupNode])

  // A hidden layer's popup goes with it.
  useEffect(() => {
    setPopup((open) => (open && !visible.includes(open.overlay.id) ? null : open))
  }, [visible])

  return (
    <>
      {overlays.map((overlay) => (
        <ClusterLayer
          key={overlay.id}
          map={map}
          overlay={overlay}
          visible={visible.includes(overlay.id)}
          onPick={setPopup}
          onLoading={(busy) => setLoading((current) => (current[overlay.id] === busy ? current : { ...current, [overlay.id]: busy }))}
        />
      ))}
      <Card size="small" title={t('layers.title')} className={styles.panel} data-testid="map-layers">
        {overlays.map((overlay) => {
          const on = visible.includes(overlay.id)
          return (
            <div key={overlay.id} className={styles.layer} data-testid={`layer-${overlay.id}`}>
              <Checkbox
                checked={on}
                onChange={(event) => onVisibleChange(event.target.checked ? [...visible, overlay.id] : visible.filter((id) => id !== overlay.id))}
              >
                <span className={styles.swatch} style={{ background: overlay.color }} />
                {overlay.label}
                {on && loading[overlay.id] && <Spin size="small" className={styles.spin} />}
              </Checkbox>
              {on && overlay.legend && <Legend entries={overlay.legend} />}
            </div>
          )
        })}
      </Card>
      {popup && createPortal(<div data-testid={`popup-${popup.overlay.id}`}>{popup.overlay.renderPopup(popup.properties)}</div>, popupNode)}
    </>
  )
}

function Legend({ entries }: { entries: OverlayLegendEntry[] }) {
  return (
    <ul className={styles.legend} data-testid="layer-legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <span
            className={styles.legendDot}
            style={entry.ring ? { border: `3px solid ${entry.color}`, background: '#fff' } : { background: entry.color }}
          />
          {entry.label}
        </li>
      ))}
    </ul>
  )
}

interface ClusterLayerProps {
  map: maplibregl.Map
  overlay: PointOverlay
  visible: boolean
  onPick: (popup: OpenPopup) => void
  onLoading: (busy: boolean) => void
}

/** One overlay's source and layers; data loads the first time the layer is switched on. */
function ClusterLayer({ map, overlay, visible, onPick, onLoading }: ClusterLayerProps) {
  const [loadedOnce, setLoadedOnce] = useState(visible)
  useEffect(() => {
    if (visible) setLoadedOnce(true)
  }, [visible])
  const data = useQuery({ queryKey: overlay.queryKey, queryFn: overlay.load, enabled: loadedOnce, staleTime: 60_000 })
  const onPickRef = useRef(onPick)
  onPickRef.current = onPick
  const onLoadingRef = useRef(onLoading)
  onLoadingRef.current = onLoading

  useEffect(() => onLoadingRef.current(data.isFetching), [data.isFetching])
  useLayers(map, overlay, onPickRef)

  useEffect(() => {
    const visibility = visible ? 'visible' : 'none'
    for (const id of [clusterLayerId(overlay), pointLayerId(overlay)]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility)
    }
  }, [map, overlay, visible])

  useEffect(() => {
    map.getSource<maplibregl.GeoJSONSource>(overlay.id)?.setData(data.data ?? emptyCollection)
  }, [map, overlay, data.data])

  useClusterCounts(map, overlay, visible, data.data)
  return null
}

/** Adds the overlay's clustered source, its two circle layers and their click handlers. */
function useLayers(map: maplibregl.Map, overlay: PointOverlay, onPick: React.RefObject<(popup: OpenPopup) => void>) {
  useEffect(() => {
    const clusters = clusterLayerId(overlay)
    const points = pointLayerId(overlay)
    map.addSource(overlay.id, {
      type: 'geojson',
      data: emptyCollection,
      cluster: true,
      clusterRadius: 42,
      clusterMaxZoom: 12,
      ...(overlay.clusterProperties ? { clusterProperties: overlay.clusterProperties } : {}),
    })
    map.addLayer({
      id: clusters, type: 'circle', source: overlay.id, filter: ['has', 'point_count'],
      layout: { visibility: 'none' },
      paint: {
        'circle-color': overlay.clusterColor ?? overlay.color,
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 30, 22, 100, 28],
        'circle-stroke-color': overlay.clusterStrokeColor ?? '#ffffff',
        'circle-stroke-width': 2.5,
      },
    })
    map.addLayer({
      id: points, type: 'circle', source: overlay.id, filter: ['!', ['has', 'point_count']],
      layout: { visibility: 'none' },
      paint: {
        'circle-color': overlay.pointColor ?? overlay.color,
        'circle-radius': overlay.pointRadius ?? ['interpolate', ['linear'], ['zoom'], 9, 5, 14, 8],
        'circle-stroke-color': overlay.pointStrokeColor ?? '#ffffff',
        'circle-stroke-width': overlay.pointStrokeWidth ?? 1.5,
      },
    })

    // Overlapping layers: the topmost feature under the pointer takes the click.
    const isTop = (event: maplibregl.MapLayerMouseEvent, layerId: string) => map.queryRenderedFeatures(event.point)[0]?.layer.id === layerId
    const zoomIntoCluster = async (event: maplibregl.MapLayerMouseEvent) => {
      const feature = event.features?.[0]
      if (!feature || feature.geometry.type !== 'Point' || !isTop(event, clusters)) return
      const source = map.getSource<maplibregl.GeoJSONSource>(overlay.id)
      const zoom = await source?.getClusterExpansionZoom(Number(feature.properties.cluster_id))
      if (zoom !== undefined) map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom })
    }
    const openPopup = (event: maplibregl.MapLayerMouseEvent) => {
      const feature = event.features?.[0]
      if (!feature || feature.geometry.type !== 'Point' || !isTop(event, points)) return
      onPick.current({ overlay, properties: feature.properties as OverlayProperties, lngLat: feature.geometry.coordinates as [number, number] })
    }
    const pointer = () => {
      map.getCanvas().style.cursor = 'pointer'
    }
    const noPointer = () => {
      map.getCanvas().style.cursor = ''
    }
    const onClusterClick = (event: maplibregl.MapLayerMouseEvent) => void zoomIntoCluster(event)
    map.on('click', clusters, onClusterClick)
    map.on('click', points, openPopup)
    for (const id of [clusters, points]) {
      map.on('mouseenter', id, pointer)
      map.on('mouseleave', id, noPointer)
    }
    return () => {
      map.off('click', clusters, onClusterClick)
      map.off('click', points, openPopup)
      for (const id of [clusters, points]) {
        map.off('mouseenter', id, pointer)
        map.off('mouseleave', id, noPointer)
      }
      // The map may already be gone (page left): then there is nothing to remove.
      if (!map.getStyle()) return
      if (map.getLayer(points)) map.removeLayer(points)
      if (map.getLayer(clusters)) map.removeLayer(clusters)
      if (map.getSource(overlay.id)) map.removeSource(overlay.id)
    }
  }, [map, overlay, onPick])
}

/** Each cluster's count as an HTML marker over its circle (kept in step as the map moves). */
function useClusterCounts(map: maplibregl.Map, overlay: PointOverlay, visible: boolean, data: unknown) {
  useEffect(() => {
    if (!visible || !data) return
    const cache = new Map<number, maplibregl.Marker>()
    let shown = new Map<number, maplibregl.Marker>()
    const update = () => {
      if (!map.getSource(overlay.id) || !map.isSourceLoaded(overlay.id)) return
      const next = new Map<number, maplibregl.Marker>()
      for (const feature of map.querySourceFeatures(overlay.id)) {
        const properties = feature.properties
        if (!properties.cluster || feature.geometry.type !== 'Point') continue
        const id = Number(properties.cluster_id)
        if (next.has(id)) continue
        let marker = cache.get(id)
        if (!marker) {
          const label = document.createElement('div')
          label.className = styles.count ?? ''
          label.textContent = String(properties.point_count_abbreviated ?? properties.point_count)
          marker = new maplibregl.Marker({ element: label }).setLngLat(feature.geometry.coordinates as [number, number])
          cache.set(id, marker)
        }
        next.set(id, marker)
        if (!shown.has(id)) marker.addTo(map)
      }
      for (const [id, marker] of shown) if (!next.has(id)) marker.remove()
      shown = next
    }
    map.on('render', update)
    update()
    return () => {
      map.off('render', update)
      for (const marker of shown.values()) marker.remove()
    }
  }, [map, overlay, visible, data])
}
