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

/**
 * The calls every registry answers (the wave-2 registry contract): list, detail, create,
 * update, delete, map layer, and Excel template, export and import. A registry's own `api/`
 * file declares its row types and one resource; extra endpoints get files of their own.
 */
export function crudResource<TRow extends { id: string }, TInput, TDetail = TRow, TMapProps = Record<string, unknown>>(
  base: string,
  key: readonly string[],
) {
  const keys = {
    all: key,
    list: (params: ListParams) => [...key, 'list', params] as const,
    detail: (id: string) => [...key, 'detail', id] as const,
    map: [...key, 'map'] as const,
  }
  return {
    base,
    keys,
    listOptions: (params: ListParams) =>
      queryOptions({ queryKey: keys.list(params), queryFn: () => apiGet<Page<TRow>>(withQuery(base, params)), placeholderData: keepPreviousData }),
    detailOptions: (id: string) => queryOptions({ queryKey: keys.detail(id), queryFn: () => apiGet<TDetail>(`${base}/${id}`) }),
    mapOptions: () =>
      queryOptions({ queryKey: keys.map, queryFn: () => apiGet<FeatureCollection<Point, TMapProps>>(`${base}/map`), staleTime: 60_000 }),
    create: (input: TInput) => apiPost<TDetail>(base, input),
    update: (id: string, input: Partial<TInput>) => apiPatch<TDetail>(`${base}/${id}`, input),
    remove: (id: string) => apiDelete(`${base}/${id}`),
    importFile: (file: Blob) => uploadFile<ImportResult>(`${base}/import`, file, xlsxMediaType),
    templatePath: `${base}/template`,
    exportPath: (params: ListParams) => withQuery(`${base}/export`, params),
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CrudResource<TRow extends { id: string } = { id: string }, TInput = any, TDetail = any> = ReturnType<typeof crudResource<TRow, TInput, TDetail>>

/**
 * Create, update and delete for one resource; each invalidates the resource's lists,
 * details and map. Forms show their own errors (`quietErrors`), deletes notify globally.
 */
export function useCrudMutations<TRow extends { id: string }, TInput, TDetail>(resource: CrudResource<TRow, TInput, TDetail>) {
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
