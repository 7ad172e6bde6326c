import type { RiskColour } from '../api/risk-points.ts'

/** 四色: the map's and the legend's colours of the four risk levels. */
export const riskColourHex: Record<RiskColour, string> = {
  red: '#e8262b',
  orange: '#fa8c16',
  yellow: '#f5d400',
  blue: '#1f6fe0',
}

/** Ant Design tag presets for the same colours. */
export const riskColourTag: Record<RiskColour, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' }
