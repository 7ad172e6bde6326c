/** The expert pool (专家库) at `/api/registry/experts`: no map layer (people, not places). */
import type { Db } from '../../../../db/database.ts'
import { registryRoutes } from '../core/registryRoutes.ts'
import { placeReaders, placeWriters } from '../core/scope.ts'
import { expertColumns, expertExportColumns, expertExportRow, prepareExpertRow } from './excel.ts'
import { insertExperts } from './queries.ts'
import * as schemas from './schemas.ts'
import * as service from './service.ts'

export const expertRoutes = (db: Db) => registryRoutes(db, {
  path: '/experts',
  title: { zh: '专家', en: 'experts' },
  files: { template: ['experts-template.xlsx', '专家库导入模板.xlsx'], export: ['experts.xlsx', '专家库.xlsx'] },
  readers: placeReaders,
  writers: placeWriters,
  schemas: {
    item: schemas.Expert, page: schemas.ExpertPage,
    listQuery: schemas.ExpertListQuery, exportQuery: schemas.ExpertExportQuery,
    create: schemas.ExpertCreate, patch: schemas.ExpertPatch,
  },
  list: service.listExperts,
  all: service.allExperts,
  get: service.getExpert,
  create: service.createExpert,
  update: service.updateExpert,
  remove: service.deleteExpert,
  excel: {
    sheet: '专家库', columns: expertColumns, exportColumns: expertExportColumns, exportRow: expertExportRow,
    entity: 'expert', prepare: prepareExpertRow, insert: insertExperts,
  },
})
