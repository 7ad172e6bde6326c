import { useCallback, useMemo, useState, type ReactNode } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { Card, Empty, Spin } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { useBoundary } from '../api/get-boundary.ts'
import { useDivision } from '../api/get-division.ts'
import { useDivisionPoints } from '../api/get-division-points.ts'
import { useRivers } from '../api/get-rivers.ts'
import { useUiConfig } from '../api/get-ui-config.ts'
import type { Division, DivisionPointProperties } from '../api/types.ts'
import { DivisionFacts } from '../components/DivisionFacts.tsx'
import { DivisionTree } from '../components/DivisionTree.tsx'
import { LepingMap, type MapFocus } from '../components/LepingMap.tsx'
import { MapLegend } from '../components/MapLegend.tsx'
import styles from './MapPage.module.css'

const zoomByLevel = { county: 9, township: 11.5, village: 12.5 } as const

/** Where the camera goes when a division is picked in the tree. */
function focusOf(division: Division): MapFocus {
  if (division.level === 'county' || !division.location) return { kind: 'county' }
  return { kind: 'point', lon: division.location.lon, lat: division.location.lat, zoom: zoomByLevel[division.level] }
}

export interface MapPageProps {
  /** The signed-in user's jurisdiction (12-digit code): the tree starts there. */
  rootCode: string
  /** More on the map (the extension point): rendered over the map once it has loaded. */
  overlays?: (map: MapLibreMap) => ReactNode
}

/** 一张图: the county map with the division tree and the picked division's details. */
export function MapPage({ rootCode, overlays }: MapPageProps) {
  const { t } = useI18n()
  const boundary = useBoundary()
  const rivers = useRivers()
  const townships = useDivisionPoints('township')
  const villages = useDivisionPoints('village')
  const uiConfig = useUiConfig()
  const [selectedCode, setSelectedCode] = useState<string | null>(null)
  const [flyOnLoad, setFlyOnLoad] = useState(false)
  const selected = useDivision(selectedCode)
  const [map, setMap] = useState<MapLibreMap | null>(null)

  // The camera follows picks made in the tree; a click on the map leaves it where it is.
  const focus = useMemo(() => (flyOnLoad && selected.data ? focusOf(selected.data) : null), [flyOnLoad, selected.data])

  const pickInTree = useCallback((code: string) => {
    setSelectedCode(code)
    setFlyOnLoad(true)
  }, [])
  const pickOnMap = useCallback((point: DivisionPointProperties) => {
    setSelectedCode(point.code)
    setFlyOnLoad(false)
  }, [])

  return (
    <div className={styles.page}>
      <Card size="small" title={t('division.tree')} className={styles.tree} styles={{ body: { overflow: 'auto', flex: 1 } }}>
        <DivisionTree rootCode={rootCode} selectedCode={selectedCode} onSelect={pickInTree} />
      </Card>
      <div className={styles.mapArea}>
        <LepingMap
          boundary={boundary.data}
          rivers={rivers.data}
          townships={townships.data}
          villages={villages.data}
          tileUrl={uiConfig.data?.tileUrl ?? null}
          selectedCode={selectedCode}
          focus={focus}
          onPointClick={pickOnMap}
          renderPopup={(point) => <DivisionFacts {...point} />}
          onMapChange={setMap}
        />
        {map && overlays?.(map)}
        {boundary.isPending && <Spin className={styles.loading} tip={t('map.loading')}><span /></Spin>}
        <MapLegend />
        <Card size="small" className={styles.details} data-testid="division-details">
          {selected.data ? (
            <DivisionFacts {...selected.data} />
          ) : selectedCode ? (
            <Spin />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('division.noneSelected')} />
          )}
        </Card>
      </div>
    </div>
  )
}
