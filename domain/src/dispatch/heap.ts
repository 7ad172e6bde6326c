/**
 * A binary min-heap of (key, node) pairs over typed arrays, with lazy deletion: a node may be
 * pushed again with a smaller key and the stale entry is skipped by the caller when popped.
 */
export class MinHeap {
  private keys: Float64Array
  private nodes: Uint32Array
  size = 0

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity)
    this.nodes = new Uint32Array(capacity)
  }

  clear(): void {
    this.size = 0
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2)
      keys.set(this.keys)
      this.keys = keys
      const nodes = new Uint32Array(this.size * 2)
      nodes.set(this.nodes)
      this.nodes = nodes
    }
    const keysArr = this.keys
    const nodesArr = this.nodes
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pk = keysArr[parent]!
      if (pk <= key) break
      keysArr[i] = pk
      nodesArr[i] = nodesArr[parent]!
      i = parent
    }
    keysArr[i] = key
    nodesArr[i] = node
  }

  /** Key of the minimum (the heap must not be empty). */
  peekKey(): number {
    return this.keys[0]!
  }

  /** Removes the minimum and returns its node; its key was `peekKey()` just before. */
  pop(): number {
    const keysArr = this.keys
    const nodesArr = this.nodes
    const top = nodesArr[0]!
    const last = --this.size
    if (last > 0) {
      const key = keysArr[last]!
      const node = nodesArr[last]!
      let i = 0
      for (;;) {
        let child = 2 * i + 1
        if (child >= last) break
        const right = child + 1
        if (right < last && keysArr[right]! < keysArr[child]!) child = right
        if (keysArr[child]! >= key) break
        keysArr[i] = keysArr[child]!
        nodesArr[i] = nodesArr[child]!
        i = child
      }
      keysArr[i] = key
      nodesArr[i] = node
    }
    return top
  }
}
