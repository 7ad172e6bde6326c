/** Types for tiny-osmpbf 0.1 (no published types): OSM-JSON elements of an .osm.pbf buffer. */
declare module 'tiny-osmpbf' {
  interface OsmPbfElement {
    type: 'node' | 'way' | 'relation'
    id: number
    lat?: number
    lon?: number
    nodes?: number[]
    tags?: Record<string, string>
  }
  function tinyosmpbf(data: Uint8Array, handler?: (element: OsmPbfElement) => void): { elements?: OsmPbfElement[] }
  export default tinyosmpbf
}
