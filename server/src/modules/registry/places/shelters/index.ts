/** Shelters (避灾安置场所) at `/api/registry/shelters`. */
import type { Role } from '../../../../http/access.ts'
import type { Db } from '../../../../db/database.ts'
import { registryRoutes } from '../core/registryRoutes.ts'
import { placeReaders, placeWriters } from '../core/scope.ts'
import { prepareShelterRow, shelterColumns, shelterExportColumns, shelterExportRow } from './excel.ts'
import { insertShelters } from './queries.ts'
import * as schemas from './schemas.ts'
import * as service from './service.ts'

/** Where to go in an emergency is for everyone: enterprise users read shelters too. */
const shelterReaders: readonly Role[] = [...placeReaders, 'enterprise']

export const shelterRoutes = (db: Db) => registryRoutes(db, {
  path: '/shelters',
  title: { zh: '避灾安置场所', en: 'shelters' },
  files: { template: ['shelters-template.xlsx', '避灾安置场所导入模板.xlsx'], export: ['shelters.xlsx', '避灾安置场所.xlsx'] },
  readers: shelterReaders,
  writers: placeWriters,
  schemas: {
    item: schemas.Shelter, page: schemas.ShelterPage, map: schemas.ShelterMap,
    listQuery: schemas.ShelterListQuery, exportQuery: schemas.ShelterExportQuery,
    create: schemas.ShelterCreate, patch: schemas.ShelterPatch,
  },
  list: service.listShelters,
  all: service.allShelters,
  map: service.shelterMap,
  get: service.getShelter,
  create: service.createShelter,
  update: service.updateShelter,
  remove: service.deleteShelter,
  excel: {
    sheet: '避灾安置场所', columns: shelterColumns, exportColumns: shelterExportColumns, exportRow: shelterExportRow,
    entity: 'shelter', prepare: prepareShelterRow, insert: insertShelters,
    notes: ['配套设施用顿号分隔，可填：水、电、厕所、医疗、储备、厨房、通信、广播、消防。'],
  },
})
