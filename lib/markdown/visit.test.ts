import fc from 'fast-check';
import type { Node, Parent } from 'unist';
import { visit as unistVisit, type VisitorResult } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { CONTINUE, EXIT, SKIP, visit } from './visit';

interface Shape {
  type: string;
  children?: Shape[];
}
interface TestNode extends Node {
  id: number;
  children?: TestNode[];
}

const types = ['a', 'b', 'c'] as const;

/** Trees of up to four levels, some nodes with children (possibly none) and some leaves. */
const treeArbitrary = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constantFrom(...types) }),
    fc.record({ type: fc.constantFrom(...types), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

/** What the visitor does at its nth call: an answer, or a change to its parent's children and an index to go on from. */
type Step =
  | { kind: 'return'; value: undefined | typeof CONTINUE | typeof EXIT | typeof SKIP }
  | { kind: 'tuple'; action: typeof CONTINUE | typeof SKIP; offset: number }
  | { kind: 'index'; offset: number }
  | { kind: 'remove' }
  | { kind: 'insert' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('return' as const), value: fc.constantFrom(undefined, CONTINUE, EXIT, SKIP) }),
  fc.record({ kind: fc.constant('tuple' as const), action: fc.constantFrom(CONTINUE, SKIP), offset: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('index' as const), offset: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const) }),
  fc.record({ kind: fc.constant('insert' as const) }),
);

function numbered(node: Shape, next = { id: 0 }): TestNode {
  const id = next.id++;
  return node.children ? { type: node.type, id, children: node.children.map((child) => numbered(child, next)) } : { type: node.type, id };
}

/** Runs one visit implementation with the scripted visitor; returns every call and the tree afterwards. */
function run(implementation: typeof visit, tree: TestNode, type: string | undefined, steps: readonly Step[]) {
  const calls: string[] = [];
  let inserted = 1000;
  const visitor = (node: Node, index: number | undefined, parent: Parent | undefined): VisitorResult => {
    const step = steps[calls.length];
    calls.push(`${(node as TestNode).id}@${index ?? '-'} in ${(parent as TestNode | undefined)?.id ?? '-'}`);
    // Past the script (and the number of steps bounds the walk: an index can send it back), it goes on.
    if (!step) return undefined;
    switch (step.kind) {
      case 'return':
        return step.value;
      case 'tuple':
        return [step.action, (index ?? 0) + step.offset];
      case 'index':
        return (index ?? 0) + step.offset;
      case 'remove':
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index, 1);
        return index;
      case 'insert':
        if (!parent || index === undefined) return undefined;
        parent.children.splice(index + 1, 0, { type: 'a', id: inserted++ } as TestNode);
        return undefined;
    }
  };
  if (type === undefined) implementation(tree, visitor);
  else implementation(tree, type, visitor);
  return { calls, tree };
}

describe('visit', () => {
  it('makes the calls unist-util-visit makes, and leaves the tree as it does, whatever the visitor answers or changes', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.constantFrom(undefined, ...types), fc.array(stepArbitrary, { maxLength: 40 }), (shape, type, steps) => {
        const ours = run(visit, numbered(shape), type, steps);
        const theirs = run(unistVisit as typeof visit, numbered(shape), type, steps);
        expect(ours.calls).toEqual(theirs.calls);
        expect(ours.tree).toEqual(theirs.tree);
      }),
      { numRuns: 2000 },
    );
  });

  it('walks a page-sized tree in document order', () => {
    const tree = numbered({ type: 'root', children: [{ type: 'a', children: [{ type: 'b' }, { type: 'c' }] }, { type: 'b' }] });
    const seen: number[] = [];
    visit(tree, (node: Node) => void seen.push((node as TestNode).id));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const bs: number[] = [];
    visit(tree, 'b', (node: Node) => void bs.push((node as TestNode).id));
    expect(bs).toEqual([2, 4]);
  });
});
