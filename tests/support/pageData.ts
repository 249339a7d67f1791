// What the mini-program would send in setData to draw a page: Taro serialises each node as its name, class, style,
// other attributes and children (text as `v`). Rebuilt here from the H5 DOM, which mirrors the same tree.
interface NodeData {
  nn: string
  v?: string
  cn?: NodeData[]
  [attribute: string]: unknown
}

function nodeData(node: Node): NodeData | null {
  if (node.nodeType === Node.TEXT_NODE) return { nn: '#text', v: node.textContent ?? '' }
  if (!(node instanceof Element)) return null
  const data: NodeData = { nn: node.tagName.toLowerCase(), sid: `_n_${node.tagName.length}` }
  for (const attribute of Array.from(node.attributes)) data[attribute.name === 'class' ? 'cl' : attribute.name === 'style' ? 'st' : attribute.name] = attribute.value
  const children = Array.from(node.childNodes).map(nodeData).filter((child): child is NodeData => child !== null)
  if (children.length > 0) data.cn = children
  return data
}

/** Bytes of the page's node tree as one setData payload (UTF-8 JSON, as WeChat measures it). */
export function pageDataBytes(root: Element): number {
  return new TextEncoder().encode(JSON.stringify(nodeData(root))).length
}

/** Elements under the page root: WeChat advises fewer than 1,000 per page. */
export function pageNodeCount(root: Element): number {
  return root.querySelectorAll('*').length
}
