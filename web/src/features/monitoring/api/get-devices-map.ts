import type { FeatureCollection, Point } from 'geojson'
import { apiGet } from '../../../lib/api-client.ts'
import type { DeviceMapProperties } from './types.ts'

/** The device layer: GeoJSON points with status and alarm level. */
export const getDevicesMap = () => apiGet<FeatureCollection<Point, DeviceMapProperties>>('/api/monitoring/devices/map')
