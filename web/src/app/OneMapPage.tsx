import { useCallback, useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useI18n } from '../i18n/i18n.tsx'
import { MapOverlays } from '../components/map/MapOverlays.tsx'
import { MapPage } from '../features/geo/pages/MapPage.tsx'
import { enterpriseOverlay, hazardPointOverlay, riskPointOverlay, shelterOverlay } from '../features/registry/map/registry-overlays.tsx'
import { depotOverlay, teamOverlay } from '../features/resources/map/resource-overlays.tsx'

/**
 * 一张图: the geo map with the registries' layers, each switched on from the layer panel.
 * Which layers show is kept in the address (`/map?layers=risk-points,shelters`), so the
 * four-colour risk map (一图) is a link.
 */
export function OneMapPage({ rootCode }: { rootCode: string }) {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  // Bottom to top: the four-colour risk points draw above the rest.
  const overlays = useMemo(
    () => [enterpriseOverlay(t), hazardPointOverlay(t), shelterOverlay(t), depotOverlay(t), teamOverlay(t), riskPointOverlay(t)],
    [t],
  )
  // Toggles answer at once from local state; the address follows (router updates are async).
  const layers = params.get('layers') ?? ''
  const [visible, setVisibleState] = useState<string[]>(() => layers.split(',').filter(Boolean))
  useEffect(() => {
    setVisibleState((current) => (current.join(',') === layers ? current : layers.split(',').filter(Boolean)))
  }, [layers])
  const setVisible = useCallback(
    (next: string[]) => {
      setVisibleState(next)
      setParams(next.length > 0 ? { layers: next.join(',') } : {}, { replace: true })
    },
    [setParams],
  )
  const renderOverlays = useCallback(
    (map: MapLibreMap) => <MapOverlays map={map} overlays={overlays} visible={visible} onVisibleChange={setVisible} />,
    [overlays, visible, setVisible],
  )
  return <MapPage rootCode={rootCode} overlays={renderOverlays} />
}
