/**
 * The Traffic Light Protocol 2.0 (FIRST, August 2022) as access control, not as a tag: what a reader may do with a
 * marked object follows from its marking and from how the reader stands to it. The cooperation modules (requests,
 * incidents, coordination cases) decide every read, forward and export here, so one table of rules answers for every
 * route (page, API, CSV, feed, e-mail).
 *
 * How the platform reads TLP's words:
 * - "individual recipients": the source (the author) and the people named on the object, or added later with the
 *   source's permission;
 * - "organization": the designated contacts of an organisation that is the source's or a named recipient's;
 * - "clients": people the platform does not know; a reader may pass TLP:AMBER on to their clients outside the
 *   platform, the platform itself never shows it to anyone outside the organisations;
 * - "community": the cooperation space, every organisation's designated contacts (a module says whether the
 *   secretariat belongs to it for its objects: requests between organisations leave it out, the secretariat is no party);
 * - TLP:CLEAR: the world; the public outputs only once the source publishes the object.
 *
 * The module computes the reader's relation (requests: src/modules/requests/requests.policies.ts, `relationTo`); the
 * unit tests (tlp.test.ts) write out every marking × relation × action as a table.
 */

/** The labels, in capitals, unchanged in every language (TLP 2.0 requires it). Least to most restricted. */
export const tlpLabels = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLabel = (typeof tlpLabels)[number];

/** How a reader stands to a marked object, from the closest to the farthest. */
export const tlpRelations = ['individual', 'organisation', 'community', 'world'] as const;
export type TlpRelation = (typeof tlpRelations)[number];

/** The farthest relation each label reaches. */
const reach: Record<TlpLabel, TlpRelation> = {
  CLEAR: 'world',
  GREEN: 'community',
  AMBER: 'organisation',
  'AMBER+STRICT': 'organisation',
  RED: 'individual',
};

const rank = (relation: TlpRelation): number => tlpRelations.indexOf(relation);

/** Whether a reader standing in `relation` to an object marked `label` may read it. */
export function tlpMayRead(label: TlpLabel, relation: TlpRelation): boolean {
  return rank(relation) <= rank(reach[label]);
}

/**
 * Whether someone who may read the object may pass it on, on the platform, to a person standing in `recipient` relation
 * to it. TLP:RED is never passed on without the source's explicit permission (the source adds the person instead);
 * under AMBER and AMBER+STRICT only within the organisations already involved; under GREEN within the community.
 */
export function tlpMayForward(label: TlpLabel, recipient: TlpRelation): boolean {
  if (label === 'RED') return false;
  return tlpMayRead(label, recipient);
}

/** Where an object's content may be written out. */
export type TlpOutput =
  /** The public pages, feeds, CSV and API (no session). */
  | 'public'
  /** A download or API answer for a signed-in reader who may read it (their own copy, marked). */
  | 'reader-export'
  /** An e-mail: it leaves the platform's access control, so only CLEAR and GREEN content goes in one; others get a link. */
  | 'email-body';

export function tlpMayOutput(label: TlpLabel, output: TlpOutput): boolean {
  switch (output) {
    case 'public':
      return label === 'CLEAR';
    case 'email-body':
      return label === 'CLEAR' || label === 'GREEN';
    case 'reader-export':
      return true;
  }
}

/** TLP 1.0's WHITE is 2.0's CLEAR (CSAF 2.0 and older MISP data still say WHITE); anything else is not a TLP label. */
export function parseTlpLabel(value: string): TlpLabel | null {
  const label = value.trim().toUpperCase().replace(/^TLP:/, '');
  if (label === 'WHITE') return 'CLEAR';
  return (tlpLabels as readonly string[]).includes(label) ? (label as TlpLabel) : null;
}

/** The label as TLP 2.0 writes it: `TLP:AMBER+STRICT`. */
export const tlpText = (label: TlpLabel): string => `TLP:${label}`;
