/** Points of contact for the tests of the modules that work with them (pings, requests): inserted as if accepted. */
import { grantRole } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import { contactSearchText } from './contacts.models.js';
import { contactChannels, contacts, type ContactChannelRow, type ContactRow } from './contacts.tables.js';

let serial = 0;

export interface SeedContactOptions {
  supporterId: string;
  /** The account that accepted the nomination (it is granted `contact` on the organisation); none: still `invited`. */
  userId?: string;
  email?: string;
  role?: 'diplomatic' | 'technical' | 'policy' | 'legal' | 'psirt';
  name?: string;
  state?: 'invited' | 'active' | 'stale' | 'withdrawn';
  timeZone?: string;
  escalationOrder?: number;
  published?: boolean;
  attestedAt?: Date;
  /** Defaults to one e-mail channel with the contact's address. */
  channels?: Array<{ kind: 'email' | 'phone' | 'sms' | 'portal' | 'signal'; value: string; is24x7?: boolean; published?: boolean }>;
}

export async function seedContact(db: Executor, options: SeedContactOptions): Promise<ContactRow & { channels: ContactChannelRow[] }> {
  const n = ++serial;
  const email = options.email ?? `contact-${n}-${Date.now().toString(36)}@cooperation.example`;
  const state = options.state ?? (options.userId ? 'active' : 'invited');
  const name = options.name ?? `Duty officer ${n}`;
  const role = options.role ?? 'technical';
  const [contact] = await db
    .insert(contacts)
    .values({
      supporterId: options.supporterId,
      role,
      name,
      email,
      userId: options.userId ?? null,
      state,
      timeZone: options.timeZone ?? 'Europe/Paris',
      weeklyHours: [{ day: 1, opens: '09:00', closes: '18:00' }],
      languages: ['en', 'fr'],
      published: options.published ?? false,
      escalationOrder: options.escalationOrder ?? n,
      attestedAt: state === 'invited' ? null : (options.attestedAt ?? new Date()),
      nominatedBy: 'test:setup',
      // Without the organisation's name (a seed does not read the registry): the search finds the contact by its name.
      searchText: contactSearchText({ name, title: null, organisation: '', country: null, role, languages: ['en', 'fr'] }),
    })
    .returning();
  const channels = options.channels ?? [{ kind: 'email' as const, value: email, is24x7: true }];
  const rows = channels.length
    ? await db
        .insert(contactChannels)
        .values(channels.map((c, position) => ({ contactId: contact!.id, kind: c.kind, value: c.value, is24x7: c.is24x7 ?? false, published: c.published ?? false, position })))
        .returning()
    : [];
  if (options.userId && state !== 'withdrawn') await grantRole(db, 'test:setup', { userId: options.userId, role: 'contact', scopeId: options.supporterId });
  return { ...contact!, channels: rows };
}
