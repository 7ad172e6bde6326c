import { useMemo, useState, type ReactNode } from 'react'
import { App, Button, Card, Descriptions, Drawer, Input, Popconfirm, Select, Space, Table, Typography, type TableColumnType } from 'antd'
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useI18n } from '../../i18n/i18n.tsx'
import { useCrudMutations, type ListParams, type RecordsResource } from '../../lib/crud-resource.ts'
import { DivisionSelect } from './DivisionSelect.tsx'
import { ExcelActions } from './ExcelActions.tsx'
import { editBody, RecordFormDrawer, withoutEmpty } from './RecordFormDrawer.tsx'
import { useCanWrite } from './session.tsx'

/** A drop-down filter of the list (`?<name>=<value>`). */
export interface ListFilter {
  name: string
  placeholder: string
  options: { value: string; label: string }[]
}

/** The create/edit form of a registry. */
export interface RegistryForm<TDetail, TValues> {
  fields: ReactNode
  /** Values of a new record. */
  initial: Partial<TValues>
  /** Values of an edited record, from its detail (`GET <base>/{id}`). */
  fromDetail: (detail: TDetail) => Partial<TValues>
  /** The request body (an edit may send fewer fields than a create). */
  toInput: (values: TValues, mode: 'create' | 'update') => unknown
  width?: number
}

export interface RegistryListPageProps<TRow extends { id: string }, TDetail, TValues> {
  resource: RecordsResource<TRow, object, TDetail>
  title: string
  testId: string
  columns: TableColumnType<TRow>[]
  /** A row's name in confirmations and the detail drawer's title. */
  nameOf: (row: TRow) => string
  filters?: ListFilter[]
  /** Fixed query parameters (e.g. an enterprise's own rows). */
  fixedParams?: ListParams
  form?: RegistryForm<TDetail, TValues>
  /** Excel template/export/import; `fileStem` names the downloads. */
  excel?: { fileStem: string }
  /** What enterprise users may do with their own rows: everything, or edit only. */
  enterpriseWritable?: 'all' | 'edit'
  /** Replaces the built-in detail drawer (all columns of the row). */
  onOpen?: (row: TRow) => void
  /** More to show in the built-in detail drawer. */
  detailExtra?: (row: TRow) => ReactNode
  toolbarExtra?: ReactNode
  /** Extra buttons per row. */
  rowActions?: (row: TRow) => ReactNode
}

const defaultPageSize = 20

/**
 * The one list page of the registries: search, division and drop-down filters, server-side
 * pagination, Excel, a detail drawer, and create/edit/delete for users who may write.
 */
export function RegistryListPage<TRow extends { id: string }, TDetail, TValues extends object>(props: RegistryListPageProps<TRow, TDetail, TValues>) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const canWrite = useCanWrite({ enterprises: props.enterpriseWritable === 'all' })
  const canEdit = useCanWrite({ enterprises: props.enterpriseWritable !== undefined })
  const { create, update, remove } = useCrudMutations(props.resource)
  const [q, setQ] = useState('')
  const [divisionCode, setDivisionCode] = useState<string | undefined>()
  const [filterValues, setFilterValues] = useState<Record<string, string | undefined>>({})
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(defaultPageSize)
  const [viewing, setViewing] = useState<TRow | null>(null)
  const [editing, setEditing] = useState<{ id: string | null; values: Partial<TValues> | undefined } | null>(null)

  const filterParams = useMemo<ListParams>(() => ({ ...props.fixedParams, q, divisionCode, ...filterValues }), [props.fixedParams, q, divisionCode, filterValues])
  const list = useQuery(props.resource.listOptions({ ...filterParams, page, pageSize }))
  const resetPage = () => setPage(1)

  const openEdit = async (row: TRow) => {
    if (!props.form) return
    setEditing({ id: row.id, values: undefined })
    const detail = await queryClient.fetchQuery(props.resource.detailOptions(row.id))
    setEditing({ id: row.id, values: props.form.fromDetail(detail) })
  }

  const save = async (values: TValues) => {
    if (!props.form || !editing) return
    const input = props.form.toInput(values, editing.id ? 'update' : 'create') as object
    if (editing.id) await update.mutateAsync({ id: editing.id, input: editBody(input, editing.values ?? {}) })
    else await create.mutateAsync(withoutEmpty(input))
    message.success(t('registry.saved'))
    setEditing(null)
  }

  const open = (row: TRow) => (props.onOpen ? props.onOpen(row) : setViewing(row))

  const actionColumn: TableColumnType<TRow> = {
    title: t('registry.actions'),
    key: 'actions',
    fixed: 'right',
    render: (_, row) => (
      <Space size={0}>
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => open(row)} data-testid="record-view">{t('registry.view')}</Button>
        {props.rowActions?.(row)}
        {canEdit && props.form && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => void openEdit(row)}>{t('registry.edit')}</Button>
        )}
        {canWrite && (
          <Popconfirm
            title={t('registry.deleteConfirm', { name: props.nameOf(row) })}
            okText={t('registry.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('registry.cancel')}
            onConfirm={() => remove.mutateAsync(row.id).then(() => message.success(t('registry.deleted')))}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>{t('registry.delete')}</Button>
          </Popconfirm>
        )}
      </Space>
    ),
  }
  const columns = [...props.columns, actionColumn]

  return (
    <Card
      title={props.title}
      data-testid={props.testId}
      extra={props.excel && <ExcelActions resource={props.resource} params={filterParams} fileStem={props.excel.fileStem} canImport={canWrite} />}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('registry.search')}
          style={{ width: 220 }}
          onSearch={(text) => {
            setQ(text.trim())
            resetPage()
          }}
          data-testid="list-search"
        />
        <DivisionSelect
          value={divisionCode}
          placeholder={t('registry.allDivisions')}
          onChange={(code) => {
            setDivisionCode(code)
            resetPage()
          }}
        />
        {props.filters?.map((filter) => (
          <Select
            key={filter.name}
            allowClear
            placeholder={filter.placeholder}
            options={filter.options}
            value={filterValues[filter.name]}
            style={{ minWidth: 140 }}
            popupMatchSelectWidth={false}
            data-testid={`filter-${filter.name}`}
            onChange={(value: string | undefined) => {
              setFilterValues((current) => ({ ...current, [filter.name]: value }))
              resetPage()
            }}
          />
        ))}
        {props.toolbarExtra}
        {canWrite && props.form && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null, values: props.form?.initial })} data-testid="record-create">
            {t('registry.create')}
          </Button>
        )}
      </Space>
      <Table<TRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onDoubleClick: () => open(row) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('registry.total', { total }),
          onChange: (next, size) => {
            setPage(size === pageSize ? next : 1)
            setPageSize(size)
          },
        }}
      />
      {!props.onOpen && (
        <Drawer open={viewing !== null} title={viewing ? props.nameOf(viewing) : ''} size={560} onClose={() => setViewing(null)} destroyOnHidden>
          {viewing && (
            <>
              <RowFacts row={viewing} columns={props.columns} />
              {props.detailExtra?.(viewing)}
            </>
          )}
        </Drawer>
      )}
      {props.form && (
        <RecordFormDrawer<TValues>
          open={editing !== null}
          title={editing?.id ? t('registry.editTitle', { what: props.title }) : t('registry.createTitle', { what: props.title })}
          initialValues={editing?.values}
          onClose={() => setEditing(null)}
          onSubmit={save}
          width={props.form.width}
          testId={`${props.testId}-form`}
        >
          {props.form.fields}
        </RecordFormDrawer>
      )}
    </Card>
  )
}

/** A row shown as label/value pairs, using the table's own column renderers. */
function RowFacts<TRow>({ row, columns }: { row: TRow; columns: TableColumnType<TRow>[] }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 140 } }}>
      {columns.map((column, index) => {
        const path = column.dataIndex
        const value = typeof path === 'string' ? (row as Record<string, unknown>)[path] : undefined
        const shown = column.render ? column.render(value, row, index) : value
        return (
          <Descriptions.Item key={String(column.key ?? path ?? index)} label={column.title as ReactNode}>
            {(shown as ReactNode) ?? <Typography.Text type="secondary">—</Typography.Text>}
          </Descriptions.Item>
        )
      })}
    </Descriptions>
  )
}
