/** One measurement from a device, as the ingest loop hands it to the rule engine. */
export interface Reading {
  deviceId: string
  /** e.g. `rainfall_mm` (rainfall since the device's previous report), `level_m`, `lel_pct` */
  metric: string
  /** Measurement time, epoch milliseconds: the engine's only clock */
  ts: number
  value: number
}
