import { useEffect, useState } from 'react'
import { Spin, Tree, type TreeDataNode } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { divisionQueryOptions, useDivision } from '../api/get-division.ts'
import type { DivisionChild } from '../api/types.ts'

export interface DivisionTreeProps {
  /** The caller's jurisdiction: the tree's root (县 → 乡镇 → 村). */
  rootCode: string
  selectedCode: string | null
  onSelect: (code: string) => void
}

const toNode = (child: DivisionChild): TreeDataNode => ({
  key: child.code,
  title: child.name,
  isLeaf: child.childCount === 0,
})

function withChildren(nodes: TreeDataNode[], key: string, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children }
    if (node.children) return { ...node, children: withChildren(node.children, key, children) }
    return node
  })
}

/** The division tree; a node's children load from `GET /api/divisions/{code}` when opened. */
export function DivisionTree({ rootCode, selectedCode, onSelect }: DivisionTreeProps) {
  const queryClient = useQueryClient()
  const root = useDivision(rootCode)
  const [treeData, setTreeData] = useState<TreeDataNode[]>([])
  const [expandedKeys, setExpandedKeys] = useState<React.Key[]>([rootCode])

  useEffect(() => {
    if (!root.data) return
    setTreeData([{ key: root.data.code, title: root.data.name, children: root.data.children.map(toNode), isLeaf: root.data.children.length === 0 }])
    // A fresh array: the tree drops expanded keys it did not know yet, so re-announce them.
    setExpandedKeys((keys) => [...new Set([...keys, root.data.code])])
  }, [root.data])

  if (root.isPending || (root.data && treeData.length === 0)) return <Spin style={{ display: 'block', margin: 24 }} />
  if (!root.data) return null

  return (
    <Tree
      data-testid="division-tree"
      showLine
      blockNode
      treeData={treeData}
      expandedKeys={expandedKeys}
      onExpand={setExpandedKeys}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={(keys, info) => onSelect(String(keys[0] ?? info.node.key))}
      loadData={async (node) => {
        if (node.children) return
        const division = await queryClient.fetchQuery(divisionQueryOptions(String(node.key)))
        setTreeData((nodes) => withChildren(nodes, String(node.key), division.children.map(toNode)))
      }}
    />
  )
}
