import { useEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { FeatureCollection } from 'geojson'
import type { BoundaryCollection, DivisionPointCollection, DivisionPointProperties, RiverCollection } from '../api/types.ts'
import { baseTiles, buildMapStyle, ownLayerIds, pointLayerIds, selectionLayerIds, type SourceId } from './map-style.ts'
import styles from './LepingMap.module.css'

maplibregl.setWorkerUrl(workerUrl)

/** Where to move the camera: a point (township/village) or back to the whole county. */
export type MapFocus = { kind: 'point'; lon: number; lat: number; zoom: number } | { kind: 'county' }

export interface LepingMapProps {
  boundary: BoundaryCollection | undefined
  rivers: RiverCollection | undefined
  townships: DivisionPointCollection | undefined
  villages: DivisionPointCollection | undefined
  tileUrl: string | null
  selectedCode: string | null
  /** Changes (by identity) move the camera. */
  focus: MapFocus | null
  onPointClick: (point: DivisionPointProperties) => void
  /** What a clicked point's popup shows. */
  renderPopup: (point: DivisionPointProperties) => ReactNode
  /** The map once loaded (null after it is removed): the extension point for other layers. */
  onMapChange?: (map: maplibregl.Map | null) => void
}

interface OpenPopup {
  point: DivisionPointProperties
  lngLat: [number, number]
}

declare global {
  interface Window {
    /** The map, exposed to browser tests only (navigator.webdriver). */
    __yingjiMap?: maplibregl.Map
  }
}

/** The county map (一张图): offline style, our GeoJSON layers, HTML township labels, popups. */
export function LepingMap(props: LepingMapProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<maplibregl.Map | null>(null)
  const [popup, setPopup] = useState<OpenPopup | null>(null)
  const [popupNode] = useState(() => document.createElement('div'))
  const onPointClick = useRef(props.onPointClick)
  onPointClick.current = props.onPointClick

  useMapInstance(containerRef, setMap, setPopup, onPointClick)
  const onMapChange = props.onMapChange
  useEffect(() => onMapChange?.(map), [map, onMapChange])
  useSourceData(map, 'boundary', props.boundary)
  useSourceData(map, 'rivers', props.rivers)
  useSourceData(map, 'townships', props.townships)
  useSourceData(map, 'villages', props.villages)
  useFitToBoundary(map, props.boundary, props.focus)
  useBaseTiles(map, props.tileUrl)
  useTownshipLabels(map, props.townships)

  useEffect(() => {
    if (!map) return
    for (const layerId of selectionLayerIds) map.setFilter(layerId, ['==', ['get', 'code'], props.selectedCode ?? ''])
  }, [map, props.selectedCode])

  // A popup about another division than the one now selected is stale: close it.
  useEffect(() => {
    setPopup((open) => (open && open.point.code !== props.selectedCode ? null : open))
  }, [props.selectedCode])

  useEffect(() => {
    if (!map || !popup) return
    const mapPopup = new maplibregl.Popup({ maxWidth: '320px', offset: 10 })
      .setLngLat(popup.lngLat)
      .setDOMContent(popupNode)
      .addTo(map)
    mapPopup.on('close', () => setPopup((open) => (open === popup ? null : open)))
    return () => {
      mapPopup.remove()
    }
  }, [map, popup, popupNode])

  return (
    <div className={styles.map} ref={containerRef} data-testid="leping-map">
      {popup && createPortal(props.renderPopup(popup.point), popupNode)}
    </div>
  )
}

function useMapInstance(
  containerRef: React.RefObject<HTMLDivElement | null>,
  setMap: (map: maplibregl.Map | null) => void,
  setPopup: (popup: OpenPopup | null) => void,
  onPointClick: React.RefObject<(point: DivisionPointProperties) => void>,
) {
  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const map = new maplibregl.Map({
      container,
      style: buildMapStyle(),
      center: [117.13, 28.97],
      zoom: 9,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    })
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right')
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right')
    if (navigator.webdriver) window.__yingjiMap = map
    // Names on hover: the offline style cannot draw text.
    const hoverLabel = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 8, className: styles.hoverLabel ?? '' })
    map.on('load', () => setMap(map))
    // Layers added by others (onMapChange) may lie above ours: a click or hover is theirs then.
    const coveredByOthers = (point: maplibregl.PointLike) => {
      const top = map.queryRenderedFeatures(point)[0]
      return top !== undefined && !ownLayerIds.has(top.layer.id)
    }
    for (const layerId of pointLayerIds) {
      map.on('click', layerId, (event) => {
        const feature = event.features?.[0]
        if (!feature || feature.geometry.type !== 'Point' || coveredByOthers(event.point)) return
        const point = feature.properties as DivisionPointProperties
        const [lon, lat] = feature.geometry.coordinates as [number, number]
        hoverLabel.remove()
        setPopup({ point, lngLat: [lon, lat] })
        onPointClick.current(point)
      })
      map.on('mousemove', layerId, (event) => {
        const feature = event.features?.[0]
        if (!feature || coveredByOthers(event.point)) {
          hoverLabel.remove()
          return
        }
        map.getCanvas().style.cursor = 'pointer'
        hoverLabel.setLngLat(event.lngLat).setText(String(feature.properties.name ?? '')).addTo(map)
      })
      map.on('mouseleave', layerId, () => {
        map.getCanvas().style.cursor = ''
        hoverLabel.remove()
      })
    }
    return () => {
      setMap(null)
      if (window.__yingjiMap === map) delete window.__yingjiMap
      map.remove()
    }
  }, [containerRef, setMap, setPopup, onPointClick])
}

function useSourceData(map: maplibregl.Map | null, id: SourceId, data: FeatureCollection | undefined) {
  useEffect(() => {
    if (!map || !data) return
    map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data)
  }, [map, id, data])
}

/** Fits the whole county once the boundary arrives, then follows each new focus. */
function useFitToBoundary(map: maplibregl.Map | null, boundary: BoundaryCollection | undefined, focus: MapFocus | null) {
  const fitted = useRef(false)
  useEffect(() => {
    if (!map || !boundary || fitted.current) return
    const bounds = boundsOf(boundary)
    if (!bounds) return
    map.fitBounds(bounds, { padding: 40, animate: false })
    fitted.current = true
  }, [map, boundary])

  useEffect(() => {
    if (!map || !focus) return
    if (focus.kind === 'point') {
      map.flyTo({ center: [focus.lon, focus.lat], zoom: focus.zoom, essential: true })
      return
    }
    const bounds = boundary && boundsOf(boundary)
    if (bounds) map.fitBounds(bounds, { padding: 40 })
  }, [map, boundary, focus])
}

function boundsOf(collection: FeatureCollection): maplibregl.LngLatBounds | null {
  const bounds = new maplibregl.LngLatBounds()
  let empty = true
  const visit = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') {
      bounds.extend([coords[0], coords[1] as number])
      empty = false
    } else if (Array.isArray(coords)) coords.forEach(visit)
  }
  for (const feature of collection.features) {
    if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates)
  }
  return empty ? null : bounds
}

function useBaseTiles(map: maplibregl.Map | null, tileUrl: string | null) {
  useEffect(() => {
    if (!map || !tileUrl) return
    map.addSource(baseTiles.sourceId, { type: 'raster', tiles: [tileUrl], tileSize: 256 })
    map.addLayer({ id: baseTiles.layerId, type: 'raster', source: baseTiles.sourceId }, baseTiles.beforeLayerId)
    // Let the base map show through the county fill.
    map.setPaintProperty('boundary-fill', 'fill-opacity', 0.2)
    return () => {
      if (!map.getLayer(baseTiles.layerId)) return
      map.removeLayer(baseTiles.layerId)
      map.removeSource(baseTiles.sourceId)
      map.setPaintProperty('boundary-fill', 'fill-opacity', 0.85)
    }
  }, [map, tileUrl])
}

/** Township names as HTML labels (the offline style has no glyphs for text layers). */
function useTownshipLabels(map: maplibregl.Map | null, townships: DivisionPointCollection | undefined) {
  useEffect(() => {
    if (!map || !townships) return
    const markers = townships.features.map((feature) => {
      const label = document.createElement('div')
      label.className = styles.townshipLabel ?? ''
      label.textContent = feature.properties.name
      const [lon, lat] = feature.geometry.coordinates as [number, number]
      return new maplibregl.Marker({ element: label, anchor: 'top', offset: [0, 8] }).setLngLat([lon, lat]).addTo(map)
    })
    return () => markers.forEach((marker) => marker.remove())
  }, [map, townships])
}
