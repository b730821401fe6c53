import type { Code } from 'mdast';

/** The fences that become diagrams on pages with the mermaid flag. Any other fence, and every fence on a page without it, stays code. */
export function isMermaidFence(node: Code): boolean {
  return node.lang?.toLowerCase() === 'mermaid';
}
