/** Set-up shared by the layers' tests: the toolkit loaded, a verified and an unverified supporter, and their people. */
import { eq } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../app/authz/actor.js';
import { grantRole } from '../../../app/authz/grants.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import type { TestApp } from '../../../../test/helpers/app.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { toolkitReference } from '../toolkit.reference.js';
import type { CorrectionInput, FrameworkInput } from './layers.schemas.js';

export interface LayerPeople {
  moderator: UserActor;
  moderatorByLink: UserActor;
  verifiedRep: UserActor;
  unverifiedRep: UserActor;
  member: UserActor;
  verified: { id: string; name: string };
  unverified: { id: string; name: string };
  cookies: Record<'moderator' | 'moderatorByLink' | 'verifiedRep' | 'unverifiedRep' | 'member', string>;
}

const user = (id: string, email: string, role: UserActor['role'], method: UserActor['method'], grants: UserActor['grants'] = [], locale: 'en' | 'fr' = 'en'): UserActor => ({
  kind: 'user',
  userId: id,
  email,
  name: null,
  role,
  locale,
  sessionId: 'ses_test',
  method,
  grants,
});

/** Loads the WG6 reference bundle and makes the people the layers' rules tell apart (needs a site with two supporters). */
export async function setUpLayers(t: TestApp): Promise<LayerPeople> {
  const db = t.database.db;
  const parsed = await toolkitReference.read(referenceDir);
  await db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
  const [a, b] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(2);
  // The first was approved on the platform with its website's code; the second is only in the imported registry.
  await db.update(supporters).set({ verificationLevel: 'website', verifiedOn: '2025-01-10' }).where(eq(supporters.id, a!.id));
  await db.update(supporters).set({ verificationLevel: 'official-registry' }).where(eq(supporters.id, b!.id));
  const sign = async (email: string, role: UserActor['role'] = 'member', method?: UserActor['method'], locale: 'en' | 'fr' = 'en') =>
    signInAs(t, { email, role, ...(method ? { method } : {}), locale });
  const moderator = await sign('mod@secretariat.example', 'moderator', 'passkey');
  const byLink = await sign('link@secretariat.example', 'moderator', 'email-link');
  const verifiedRep = await sign('rep@verified.example', 'member', undefined, 'fr');
  const unverifiedRep = await sign('rep@unverified.example');
  const member = await sign('someone@example.org');
  await grantRole(db, 'test:setup', { userId: verifiedRep.userId, role: 'representative', scopeId: a!.id });
  await grantRole(db, 'test:setup', { userId: unverifiedRep.userId, role: 'representative', scopeId: b!.id });
  return {
    moderator: user(moderator.userId, 'mod@secretariat.example', 'moderator', 'passkey'),
    moderatorByLink: user(byLink.userId, 'link@secretariat.example', 'moderator', 'email-link'),
    verifiedRep: user(verifiedRep.userId, 'rep@verified.example', 'member', 'email-link', [{ role: 'representative', scopeId: a!.id }], 'fr'),
    unverifiedRep: user(unverifiedRep.userId, 'rep@unverified.example', 'member', 'email-link', [{ role: 'representative', scopeId: b!.id }]),
    member: user(member.userId, 'someone@example.org', 'member', 'email-link'),
    verified: { id: a!.id, name: a!.name },
    unverified: { id: b!.id, name: b!.name },
    cookies: { moderator: moderator.cookie, moderatorByLink: byLink.cookie, verifiedRep: verifiedRep.cookie, unverifiedRep: unverifiedRep.cookie, member: member.cookie },
  };
}

export function buildFramework(overrides: Partial<FrameworkInput> = {}): FrameworkInput {
  return {
    name: 'EU Cyber Resilience Act',
    category: 'public-policy',
    documentType: 'Public policy (Legislation)',
    recipients: { states: false, 'private-sector': true, individuals: false },
    resources: ['https://eur-lex.europa.eu/eli/reg/2024/2847/oj'],
    cells: [
      { action: 'A1', status: 'quoted', quotation: 'Manufacturers shall ensure that products with digital elements are designed securely.', locator: 'Article 13 (1)' },
      { action: 'A2', status: 'reviewed-absent', quotation: null, locator: null },
    ],
    ...overrides,
  };
}

export function buildCorrection(overrides: Partial<CorrectionInput> = {}): CorrectionInput {
  return { of: 'wg6-2021', framework: 'pp-9', action: 'A4', status: 'reviewed-absent', quotation: null, locator: null, reason: 'The quoted article concerns another obligation.', ...overrides };
}

export const anyone: Actor = { kind: 'anonymous' };
