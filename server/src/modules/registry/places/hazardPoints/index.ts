/** Geological hazard points (地质灾害隐患点) at `/api/registry/hazard-points`. */
import type { Db } from '../../../../db/database.ts'
import { registryRoutes } from '../core/registryRoutes.ts'
import { placeReaders, placeWriters } from '../core/scope.ts'
import { hazardPointColumns, hazardPointExportColumns, hazardPointExportRow, prepareHazardPointRow } from './excel.ts'
import { insertHazardPoints } from './queries.ts'
import * as schemas from './schemas.ts'
import * as service from './service.ts'

export const hazardPointRoutes = (db: Db) => registryRoutes(db, {
  path: '/hazard-points',
  title: { zh: '地质灾害隐患点', en: 'geological hazard points' },
  files: { template: ['hazard-points-template.xlsx', '地质灾害隐患点导入模板.xlsx'], export: ['hazard-points.xlsx', '地质灾害隐患点.xlsx'] },
  readers: placeReaders,
  writers: placeWriters,
  schemas: {
    item: schemas.HazardPoint, page: schemas.HazardPointPage, map: schemas.HazardPointMap,
    listQuery: schemas.HazardPointListQuery, exportQuery: schemas.HazardPointExportQuery,
    create: schemas.HazardPointCreate, patch: schemas.HazardPointPatch,
  },
  list: service.listHazardPoints,
  all: service.allHazardPoints,
  map: service.hazardPointMap,
  get: service.getHazardPoint,
  create: service.createHazardPoint,
  update: service.updateHazardPoint,
  remove: service.deleteHazardPoint,
  excel: {
    sheet: '地质灾害隐患点', columns: hazardPointColumns, exportColumns: hazardPointExportColumns, exportRow: hazardPointExportRow,
    entity: 'hazard_point', prepare: prepareHazardPointRow, insert: insertHazardPoints,
    notes: ['所在村代码为 12 位村（社区）级行政区划代码；威胁户数不能多于威胁人数。'],
  },
})
