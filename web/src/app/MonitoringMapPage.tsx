import { useCallback, useMemo, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { useI18n } from '../i18n/i18n.tsx'
import { MapOverlays } from '../components/map/MapOverlays.tsx'
import { MapPage } from '../features/geo/pages/MapPage.tsx'
import { deviceOverlay } from '../features/monitoring/map/device-overlay.tsx'
import { LiveLag } from '../features/monitoring/map/LiveLag.tsx'
import { hazardPointOverlay } from '../features/registry/map/registry-overlays.tsx'
import styles from './MonitoringMapPage.module.css'

/**
 * 监测一张图: the geo map with the monitoring devices coloured by status and alarm level (kept
 * live by the stream), geological hazard points on request, and the ingest lag in a corner.
 */
export function MonitoringMapPage({ rootCode }: { rootCode: string }) {
  const { t } = useI18n()
  const overlays = useMemo(() => [hazardPointOverlay(t), deviceOverlay(t)], [t])
  const [visible, setVisible] = useState<string[]>(['monitoring-devices'])
  const renderOverlays = useCallback(
    (map: MapLibreMap) => (
      <>
        <MapOverlays map={map} overlays={overlays} visible={visible} onVisibleChange={setVisible} />
        <LiveLag className={styles.lag} />
      </>
    ),
    [overlays, visible],
  )
  return <MapPage rootCode={rootCode} overlays={renderOverlays} />
}
