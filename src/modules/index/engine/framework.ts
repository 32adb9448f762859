/**
 * Checks of the framework tree, run on import: every node reaches the top through known parents without a
 * cycle, levels step up by one (COINr's convention: an aggregate's level is its children's plus one), every
 * aggregate has children, and the weights inside each parent do not sum to zero.
 */
import type { FrameworkNode, ImportIssue } from './types.js';

/** A node with the iMeta row it came from, for error messages. */
export interface LocatedNode {
  node: FrameworkNode;
  row: number;
}

const issue = (row: number | null, column: string | null, code: string, message: string): ImportIssue => ({
  table: 'iMeta',
  row,
  column,
  code,
  message,
});

/** Every problem of the tree; an empty list means the tree is usable. */
export function validateTree(located: LocatedNode[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const byCode = new Map(located.map((l) => [l.node.code, l]));
  const maxLevel = Math.max(...located.map((l) => l.node.level));

  const inCycle = findCycles(located, byCode, issues);

  for (const { node, row } of located) {
    if (node.parent === null) {
      if (node.level !== maxLevel) {
        const what = node.type === 'Indicator' ? 'indicator' : 'aggregate';
        issues.push(issue(row, 'Parent', 'imeta.parent.missing', `${what} ${node.code} has no parent`));
      }
      continue;
    }
    const parent = byCode.get(node.parent);
    if (!parent) {
      issues.push(issue(row, 'Parent', 'imeta.parent.unknown', `${node.code}: parent ${node.parent} is not in iMeta`));
      continue;
    }
    if (inCycle.has(node.code)) continue;
    if (parent.node.type !== 'Aggregate') {
      issues.push(issue(row, 'Parent', 'imeta.parent.not_aggregate', `${node.code}: parent ${node.parent} is not an Aggregate`));
    } else if (parent.node.level !== node.level + 1) {
      issues.push(
        issue(row, 'Level', 'imeta.level.inconsistent',
          `${node.code} is at level ${node.level} but its parent ${node.parent} is at level ${parent.node.level} (expected ${node.level + 1})`),
      );
    }
  }

  const children = new Map<string, LocatedNode[]>();
  for (const l of located) {
    if (l.node.parent === null || !byCode.has(l.node.parent)) continue;
    children.set(l.node.parent, [...(children.get(l.node.parent) ?? []), l]);
  }
  for (const { node, row } of located) {
    if (node.type !== 'Aggregate') continue;
    const kids = children.get(node.code) ?? [];
    if (kids.length === 0) {
      issues.push(issue(row, 'iCode', 'imeta.aggregate.empty', `aggregate ${node.code} has no children`));
      continue;
    }
    const sum = kids.reduce((s, k) => s + (k.node.weight ?? 0), 0);
    if (sum === 0) {
      issues.push(
        issue(kids[0]?.row ?? row, 'Weight', 'imeta.weight.zero_sum',
          `weights of the children of ${node.code} (${kids.map((k) => k.node.code).join(', ')}) sum to zero`),
      );
    }
  }
  return issues;
}

/** Follows parent links from every node; reports each cycle once and returns the codes in cycles. */
function findCycles(located: LocatedNode[], byCode: Map<string, LocatedNode>, issues: ImportIssue[]): Set<string> {
  const inCycle = new Set<string>();
  const done = new Set<string>();
  for (const start of located) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | null = start.node.code;
    while (code !== null && !done.has(code)) {
      if (onPath.has(code)) {
        const cycle = path.slice(path.indexOf(code));
        cycle.forEach((c) => inCycle.add(c));
        const first = byCode.get(code);
        issues.push(
          issue(first?.row ?? null, 'Parent', 'imeta.parent.cycle', `cycle in the tree: ${[...cycle, code].join(' → ')}`),
        );
        break;
      }
      onPath.add(code);
      path.push(code);
      code = byCode.get(code)?.node.parent ?? null;
    }
    path.forEach((c) => done.add(c));
  }
  return inCycle;
}
