import type { Node, Parent } from 'unist';
import type { BuildVisitor } from 'unist-util-visit';
import { CONTINUE, EXIT, SKIP } from 'unist-util-visit';

/**
 * unist-util-visit's `visit`, for the engine's own plugins: the same walk (document order, a visitor's SKIP,
 * EXIT and index to go on from, changes to a node's children seen as it goes), without the cost it adds to
 * every node. unist-util-visit-parents makes a closure for each node and renames it with Object.defineProperty,
 * for readable stack traces; with about 16 plugins walking each page, that was a tenth of compiling one (the
 * bench's pages). A test runs both on generated trees and visitors and compares every call and the trees.
 *
 * Only the tests the plugins use: a node type, or none (every node).
 */

type VisitorResult = ReturnType<BuildVisitor>;
type ActionTuple = readonly [action?: typeof CONTINUE | typeof EXIT | typeof SKIP, index?: number];
type AnyVisitor = (node: Node, index: number | undefined, parent: Parent | undefined) => VisitorResult;

const empty: ActionTuple = [];

function toResult(value: VisitorResult): ActionTuple {
  if (Array.isArray(value)) return value as unknown as ActionTuple;
  if (typeof value === 'number') return [CONTINUE, value];
  return value === null || value === undefined ? empty : [value as typeof CONTINUE | typeof EXIT | typeof SKIP];
}

function walk(node: Node, index: number | undefined, parent: Parent | undefined, type: string | undefined, visitor: AnyVisitor): ActionTuple {
  let result = empty;
  if (type === undefined || node.type === type) {
    result = toResult(visitor(node, index, parent));
    if (result[0] === EXIT) return result;
  }
  const children = (node as Partial<Parent>).children;
  if (children && result[0] !== SKIP) {
    let offset = 0;
    // The length is read again each time: a visitor may add or remove the node's children.
    while (offset > -1 && offset < children.length) {
      const childResult = walk(children[offset]!, offset, node as Parent, type, visitor);
      if (childResult[0] === EXIT) return childResult;
      offset = typeof childResult[1] === 'number' ? childResult[1] : offset + 1;
    }
  }
  return result;
}

export function visit<Tree extends Node>(tree: Tree, visitor: BuildVisitor<Tree>): undefined;
export function visit<Tree extends Node, Type extends string>(tree: Tree, type: Type, visitor: BuildVisitor<Tree, Type>): undefined;
export function visit(tree: Node, typeOrVisitor: string | AnyVisitor, maybeVisitor?: AnyVisitor): undefined {
  const [type, visitor] = typeof typeOrVisitor === 'string' ? [typeOrVisitor, maybeVisitor!] : [undefined, typeOrVisitor];
  walk(tree, undefined, undefined, type, visitor);
  return undefined;
}

export { CONTINUE, EXIT, SKIP };
