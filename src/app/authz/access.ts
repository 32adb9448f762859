/**
 * Who may reach each route, declared beside each module's policies (`<module>.access.ts`, collected by the module's
 * manifest) as one of a few kinds. The policies decide; these declarations say what their decisions must add up to per
 * route, and the authorization matrix (test/authorization-matrix.test.ts) sends every registered route as every
 * audience and fails on a route that has no declaration or answers otherwise.
 */

export const accessKinds = [
  /** Anyone, signed in or not: the registry, the Call, the index's published editions, joining, signing in. */
  'public',
  /** Anyone holding the e-mailed link: the token in it is the credential, whoever is signed in (confirm, answer, invitation). */
  'token',
  /** Any signed-in person, acting on their own account only. */
  'signed-in',
  /**
   * As `signed-in`, but a secretariat member only from a session opened with a second factor (a passkey): an e-mail link
   * must not strip or renew the factor that guards the back office.
   */
  'second-factor-if-secretariat',
  /** The representatives of the organisation the route's `:supporterId` names, and the secretariat. */
  'representative',
  /**
   * Writing in the name of the organisation the route names: its representatives only. The secretariat sees the subject
   * (the `representative` pages) but is refused: what an organisation reports is its own word, the secretariat moderates it.
   */
  'representative-writes',
  /** The co-chairs of the working group the route's `:group` names (or that its subject belongs to), and the secretariat. */
  'co-chair',
  /**
   * A working group's members-only parts: its members, observers and co-chairs, and the secretariat. Others are refused
   * (403): the group itself is public, only these parts are not.
   */
  'group-member',
  /**
   * The cooperation space (points of contact, ping statistics, requests): the designated contacts of any organisation,
   * and the secretariat. Others are refused (403): the space exists, its content is for its members.
   */
  'cooperation',
  /**
   * One TLP-marked record of the cooperation space (a request `:request`, an incident `:incident`, a coordination case
   * `:case`), as its marking allows: the designated contacts of the organisations it involves. Anyone else, the
   * secretariat included, is not told it exists (404): TLP:AMBER is for the organisations involved, not for the
   * platform's staff (a case's coordinating secretariat is one of its parties).
   */
  'request-party',
  /** Moderators and administrators, signed in with a passkey. */
  'secretariat',
  /** Administrators, signed in with a passkey. */
  'admin',
] as const;
export type Access = (typeof accessKinds)[number];

/** One route as registered (`/:locale` stands for `/en` and `/fr`) and who may reach it. */
export interface RouteAccess {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly access: Access;
}

/** The people a route is tried as: each tells a different rule apart. */
export const audiences = [
  'anonymous',
  /** Signed in by e-mail link, no platform role, no scoped role. */
  'member',
  /** A representative of another organisation than the one the route names. */
  'other-representative',
  /** A representative of the organisation the route names. */
  'representative',
  /** A moderator signed in by e-mail link: not the secretariat until they use a passkey. */
  'moderator-by-link',
  'moderator',
  'admin',
  /** A co-chair of the working group the route names (no platform role, no organisation). */
  'co-chair',
  /** A member of the working group the route names. */
  'group-member',
  /**
   * A designated point of contact of the organisation the route names (no platform role, not its representative): in
   * the cooperation space, and a party to the request the routes name (sent by their organisation).
   */
  'contact',
] as const;
export type Audience = (typeof audiences)[number];

/**
 * What an audience gets: `allowed` (the handler ran: not 401, 403, 404, nor sent to sign in), `sign-in` (401, or a page's
 * redirect to sign in), `refused` (401, 403 or 404), `hidden` (404: someone who may not know the subject exists), or
 * `passkey` (a secretariat member on an e-mail-link session is sent to enrol a passkey, or refused with 403).
 */
export type Outcome = 'allowed' | 'sign-in' | 'refused' | 'hidden' | 'passkey';

const everyone: Record<Audience, Outcome> = {
  anonymous: 'allowed', member: 'allowed', 'other-representative': 'allowed', representative: 'allowed', 'moderator-by-link': 'allowed', moderator: 'allowed', admin: 'allowed',
  'co-chair': 'allowed', 'group-member': 'allowed', contact: 'allowed',
};
const secretariat: Record<Audience, Outcome> = {
  anonymous: 'sign-in', member: 'refused', 'other-representative': 'refused', representative: 'refused', 'moderator-by-link': 'passkey', moderator: 'allowed', admin: 'allowed',
  'co-chair': 'refused', 'group-member': 'refused', contact: 'refused',
};

/** The outcome each access kind promises each audience. */
export const expectedOutcomes: Record<Access, Record<Audience, Outcome>> = {
  public: everyone,
  token: everyone,
  'signed-in': { ...everyone, anonymous: 'sign-in' },
  'second-factor-if-secretariat': { ...everyone, anonymous: 'sign-in', 'moderator-by-link': 'refused' },
  // Whoever does not manage the organisation is not told that it can be managed, nor whether the id exists.
  // A group's co-chairs and members hold no organisation's role: to the organisation's pages they are anyone.
  representative: { ...everyone, anonymous: 'sign-in', member: 'hidden', 'other-representative': 'hidden', 'moderator-by-link': 'hidden', 'co-chair': 'hidden', 'group-member': 'hidden', contact: 'hidden' },
  'representative-writes': {
    ...everyone, anonymous: 'sign-in', member: 'hidden', 'other-representative': 'hidden', 'moderator-by-link': 'hidden', moderator: 'refused', admin: 'refused', 'co-chair': 'hidden', 'group-member': 'hidden', contact: 'hidden',
  },
  'co-chair': { ...secretariat, 'co-chair': 'allowed' },
  'group-member': { ...secretariat, 'co-chair': 'allowed', 'group-member': 'allowed' },
  cooperation: { ...secretariat, contact: 'allowed' },
  'request-party': {
    anonymous: 'sign-in', member: 'hidden', 'other-representative': 'hidden', representative: 'hidden', 'moderator-by-link': 'hidden', moderator: 'hidden', admin: 'hidden',
    'co-chair': 'hidden', 'group-member': 'hidden', contact: 'allowed',
  },
  secretariat,
  admin: { ...secretariat, moderator: 'refused' },
};

/** A module's declarations, typed (`export const applicationsAccess = declareAccess([...])`). */
export function declareAccess(routes: RouteAccess[]): readonly RouteAccess[] {
  return Object.freeze(routes);
}
