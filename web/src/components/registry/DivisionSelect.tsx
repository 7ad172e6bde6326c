import { useEffect, useState } from 'react'
import { TreeSelect } from 'antd'
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet } from '../../lib/api-client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useRegistrySession } from './session.tsx'

/** The slice of `GET /api/divisions/{code}` the picker reads. */
interface DivisionNode {
  code: string
  name: string
  children: { code: string; name: string; childCount: number }[]
}

// Same key as the map's division lookups, so both share one cache entry per division.
const divisionOptions = (code: string) =>
  queryOptions({ queryKey: ['geo', 'division', code], queryFn: () => apiGet<DivisionNode>(`/api/divisions/${code}`), staleTime: Infinity })

interface Option {
  id: string
  pId?: string
  value: string
  title: string
  isLeaf: boolean
}

const childOptions = (division: DivisionNode): Option[] =>
  division.children.map((child) => ({ id: child.code, pId: division.code, value: child.code, title: child.name, isLeaf: child.childCount === 0 }))

export interface DivisionSelectProps {
  value?: string | null
  onChange?: (code: string | undefined) => void
  placeholder?: string
  allowClear?: boolean
  style?: React.CSSProperties
  id?: string
}

/**
 * A division picker (县 → 乡镇 → 村) starting at the user's jurisdiction; villages load when a
 * township opens. Works as a form control (`value`/`onChange` hold the 12-digit code).
 */
export function DivisionSelect({ value, onChange, placeholder, allowClear = true, style, id }: DivisionSelectProps) {
  const { t } = useI18n()
  const { rootCode } = useRegistrySession()
  const queryClient = useQueryClient()
  const root = useQuery(divisionOptions(rootCode))
  const [options, setOptions] = useState<Option[]>([])

  useEffect(() => {
    if (!root.data) return
    const top: Option = { id: root.data.code, value: root.data.code, title: root.data.name, isLeaf: root.data.children.length === 0 }
    setOptions((known) => {
      const rest = known.filter((option) => option.id !== top.id && option.pId !== top.id)
      return [top, ...childOptions(root.data), ...rest]
    })
  }, [root.data])

  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={options}
      value={value ?? undefined}
      onChange={(code: string | undefined) => onChange?.(code)}
      placeholder={placeholder ?? t('registry.division')}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={[rootCode]}
      loading={root.isPending}
      popupMatchSelectWidth={false}
      style={{ minWidth: 170, ...style }}
      loadData={async (node) => {
        const code = String(node.value)
        if (options.some((option) => option.pId === code)) return
        const division = await queryClient.fetchQuery(divisionOptions(code))
        setOptions((known) => [...known, ...childOptions(division).filter((child) => !known.some((k) => k.id === child.id))])
      }}
    />
  )
}
