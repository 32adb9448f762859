/**
 * Reading an edition whose figures are partly withheld for licence reasons (`scoresWithheld`, set by the reference
 * bundle's rule, index.reference.ts): which sources a withheld node comes from, so that every page and download that
 * would show its score, rank or band says "withheld" and names them instead. Pure, no I/O.
 */
import type { EditionSnapshot, SnapshotNode } from './index.models.js';

/** True when a node's scores, ranks and bands are withheld. */
export const isWithheld = (node: SnapshotNode | undefined): boolean => node?.scoresWithheld === 'licence';

/** The withheld indicators a node is computed from (the node itself for an indicator), in framework order. */
export function withheldFrom(snapshot: EditionSnapshot, code: string): SnapshotNode[] {
  const node = snapshot.nodes.find((n) => n.code === code);
  if (!node || !isWithheld(node)) return [];
  if (node.kind === 'indicator') return [node];
  const below = snapshot.nodes.filter((n) => n.parent === code).flatMap((n) => withheldFrom(snapshot, n.code));
  return below.length ? below : [node];
}

/** The sources and licences of a withheld node, as one line of text (`source — licence; …`); empty when it is given. */
export function withheldSourcesText(snapshot: EditionSnapshot, code: string): string {
  const parts = withheldFrom(snapshot, code).map((n) => [n.source ?? n.code, n.licence].filter(Boolean).join(' — '));
  return [...new Set(parts)].join('; ');
}
