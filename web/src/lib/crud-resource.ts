import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { FeatureCollection, Point } from 'geojson'
import { apiDelete, apiGet, apiPatch, apiPost, withQuery } from './api-client.ts'
import { uploadFile, xlsxMediaType } from './file-transfer.ts'

/** One page of a registry list: `GET <base>?q=&divisionCode=&page=&pageSize=&<filters>`. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** List filters as query-string values; empty ones are left out of the URL. */
export type ListParams = Record<string, string | number | boolean | null | undefined>

/** `POST <base>/import` answer. */
export interface ImportResult {
  imported: number
}

const keysOf = (key: readonly string[]) => ({
  all: key,
  list: (params: ListParams) => [...key, 'list', params] as const,
  detail: (id: string) => [...key, 'detail', id] as const,
  map: [...key, 'map'] as const,
})

const listOptionsOf = <TRow>(base: string, key: readonly string[], params: ListParams) =>
  queryOptions({ queryKey: keysOf(key).list(params), queryFn: () => apiGet<Page<TRow>>(withQuery(base, params)), placeholderData: keepPreviousData })

const detailOptionsOf = <TDetail>(base: string, key: readonly string[], id: string) =>
  queryOptions({ queryKey: keysOf(key).detail(id), queryFn: () => apiGet<TDetail>(`${base}/${id}`) })

const getMapOf = <TMapProps>(base: string) => apiGet<FeatureCollection<Point, TMapProps>>(`${base}/map`)

const mapOptionsOf = <TMapProps>(base: string, key: readonly string[]) =>
  queryOptions({ queryKey: keysOf(key).map, queryFn: () => getMapOf<TMapProps>(base), staleTime: 60_000 })

/**
 * The calls every registry answers (the wave-2 registry contract): list, detail, create,
 * update, delete, map layer, and Excel template, export and import. A registry's own `api/`
 * file declares its row types and one resource; extra endpoints get files of their own.
 * Methods (not function properties) so a resource of a concrete input type serves pages
 * that only pass the form's values through.
 */
export interface CrudResource<TRow extends { id: string } = { id: string }, TInput = unknown, TDetail = unknown, TMapProps = unknown> {
  base: string
  keys: ReturnType<typeof keysOf>
  listOptions(params: ListParams): ReturnType<typeof listOptionsOf<TRow>>
  detailOptions(id: string): ReturnType<typeof detailOptionsOf<TDetail>>
  mapOptions(): ReturnType<typeof mapOptionsOf<TMapProps>>
  /** `GET <base>/map`: the layer as GeoJSON points. */
  getMap(): Promise<FeatureCollection<Point, TMapProps>>
  create(input: TInput): Promise<TDetail>
  update(id: string, input: Partial<TInput>): Promise<TDetail>
  remove(id: string): Promise<void>
  importFile(file: Blob): Promise<ImportResult>
  templatePath: string
  exportPath(params: ListParams): string
}

/** A resource without its map layer: what list pages need (any input type passes through). */
export type RecordsResource<TRow extends { id: string } = { id: string }, TInput = object, TDetail = unknown> = Omit<CrudResource<TRow, TInput, TDetail>, 'mapOptions' | 'getMap'>

export function crudResource<TRow extends { id: string }, TInput, TDetail = TRow, TMapProps = Record<string, unknown>>(
  base: string,
  key: readonly string[],
): CrudResource<TRow, TInput, TDetail, TMapProps> {
  return {
    base,
    keys: keysOf(key),
    listOptions: (params) => listOptionsOf<TRow>(base, key, params),
    detailOptions: (id) => detailOptionsOf<TDetail>(base, key, id),
    mapOptions: () => mapOptionsOf<TMapProps>(base, key),
    getMap: () => getMapOf<TMapProps>(base),
    create: (input) => apiPost<TDetail>(base, input),
    update: (id, input) => apiPatch<TDetail>(`${base}/${id}`, input),
    remove: (id) => apiDelete(`${base}/${id}`),
    importFile: (file) => uploadFile<ImportResult>(`${base}/import`, file, xlsxMediaType),
    templatePath: `${base}/template`,
    exportPath: (params) => withQuery(`${base}/export`, params),
  }
}

/**
 * Create, update and delete for one resource; each invalidates the resource's lists,
 * details and map. Forms show their own errors (`quietErrors`), deletes notify globally.
 */
export function useCrudMutations<TRow extends { id: string }, TInput, TDetail>(resource: RecordsResource<TRow, TInput, TDetail>) {
  const queryClient = useQueryClient()
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: resource.keys.all })
  return {
    create: useMutation({ mutationFn: resource.create, onSuccess, meta: { quietErrors: true } }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Partial<TInput> }) => resource.update(id, input),
      onSuccess,
      meta: { quietErrors: true },
    }),
    remove: useMutation({ mutationFn: resource.remove, onSuccess }),
  }
}

/** What the Excel actions need of a resource. */
export type ExcelResource = Pick<CrudResource, 'keys' | 'templatePath' | 'exportPath' | 'importFile'>

/** `POST <base>/import`; the page shows a refused import's rows itself. */
export function useImportMutation(resource: ExcelResource) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resource.importFile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resource.keys.all }),
    meta: { quietErrors: true },
  })
}
