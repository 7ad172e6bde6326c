/**
 * Composite conditions (组合条件): AND (`all`) / OR (`any`) over conditions on several metrics and
 * devices, flattened into a post-order node list so evaluation is a loop, not recursion. Every
 * leaf is evaluated on every pass (no short-circuit) because each leaf's hysteresis state must
 * see every value.
 */

export const leafNode = 0
export const allNode = 1
export const anyNode = 2

export interface ConditionNode {
  kind: typeof leafNode | typeof allNode | typeof anyNode
  /** Leaf index (leaf nodes) */
  leaf: number
  /** Node indexes, all lower than this node's (compound nodes) */
  children: number[]
}

/** Fills `met[n]` for every node from the leaves' results, children before parents. */
export function evaluateComposite(nodes: readonly ConditionNode[], leafMet: Uint8Array, met: Uint8Array): void {
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!
    if (node.kind === leafNode) {
      met[n] = leafMet[node.leaf]!
      continue
    }
    const all = node.kind === allNode
    let result = all ? 1 : 0
    for (const child of node.children) {
      if (all ? met[child] === 0 : met[child] === 1) {
        result = all ? 0 : 1
        break
      }
    }
    met[n] = result
  }
}
