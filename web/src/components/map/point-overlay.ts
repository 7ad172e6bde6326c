import type { ReactNode } from 'react'
import type { ExpressionSpecification } from 'maplibre-gl'
import type { FeatureCollection, Point } from 'geojson'

/** Properties of a registry map feature (`GET <base>/map`): at least `id` and `name`. */
export type OverlayProperties = Record<string, unknown> & { id?: string; name?: string }

/** A legend line: what a colour means. */
export interface OverlayLegendEntry {
  label: string
  color: string
  /** Drawn as a ring (e.g. 重大危险源 emphasis) rather than a dot. */
  ring?: boolean
}

/**
 * A toggleable point layer of the one map (一张图): one registry's `/map` endpoint drawn as
 * clustered circles. Colours are MapLibre expressions over the feature properties.
 */
export interface PointOverlay {
  /** Unique id; also the MapLibre source id. */
  id: string
  label: string
  /** The layer's colour when a feature has no colour of its own (and the toggle's swatch). */
  color: string
  /** The registry's map query (shared with other views of the same layer). */
  queryKey: readonly unknown[]
  load: () => Promise<FeatureCollection<Point, object>>
  pointColor?: ExpressionSpecification
  pointRadius?: ExpressionSpecification | number
  pointStrokeColor?: ExpressionSpecification | string
  pointStrokeWidth?: ExpressionSpecification | number
  /** Aggregates kept per cluster (MapLibre `clusterProperties`), e.g. the worst risk level. */
  clusterProperties?: Record<string, unknown>
  clusterColor?: ExpressionSpecification
  clusterStrokeColor?: ExpressionSpecification | string
  legend?: OverlayLegendEntry[]
  /** The popup of a clicked point. */
  renderPopup: (properties: OverlayProperties) => ReactNode
}
