/**
 * A representative imports their organisation's contacts from a JSON record (every member) or an RFC 2350-style text
 * (its section 2, one contact). The whole file is parsed and checked before anything is written: a file that does
 * not parse, or a member that breaks a rule, is refused with its line and nothing changes. A member whose e-mail is
 * already one of the organisation's contacts updates it (its publication choices kept); any other is nominated (mailed).
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { getSupporterForEdit } from '../supporters/supporters.usecases.js';
import { contactNotFound, importRefused, organisationNotPublished } from './contacts.errors.js';
import { parseOrganisationJson, parseRfc2350 } from './contacts.io.js';
import { checkDetails, contactSearchText, type ContactDetails, type RawDetails } from './contacts.models.js';
import { contactsPolicies } from './contacts.policies.js';
import { createContactsRepository } from './contacts.repository.js';
import { insertNomination, type ContactsDeps } from './contacts.usecases.js';

export type ImportFormat = 'json' | 'rfc2350';

/** Parses and checks the file: every contact's details, or the first failure with its line. */
export function readImport(format: ImportFormat, text: string): ContactDetails[] {
  const members: Array<{ raw: RawDetails; line: number }> = [];
  if (format === 'json') {
    const parsed = parseOrganisationJson(text);
    if (!parsed.ok) throw importRefused(parsed.failure);
    members.push(...parsed.members);
  } else {
    const parsed = parseRfc2350(text);
    if (!parsed.ok) throw importRefused(parsed.failure);
    members.push({ raw: parsed.raw, line: 1 });
  }
  if (!members.length) throw importRefused({ problem: 'import.noMembers', line: 1 });
  return members.map(({ raw, line }) => {
    const checked = checkDetails(raw);
    if (!checked.ok) throw importRefused({ problem: Object.values(checked.errors)[0]!, line });
    return checked.value;
  });
}

export async function importContacts(input: ContactsDeps & { supporterId: string; format: ImportFormat; text: string; locale: Locale }): Promise<{ nominated: number; updated: number }> {
  return input.db.transaction(async (tx) => {
    const supporter = await getSupporterForEdit(tx, input.supporterId);
    if (!supporter) throw contactNotFound();
    const user = authorize(input.actor, contactsPolicies.manage, { supporterId: supporter.id });
    if (supporter.status !== 'published') throw organisationNotPublished();
    const all = readImport(input.format, input.text);
    const repository = createContactsRepository(tx);
    const existing = new Map((await repository.ofSupporter(supporter.id)).map((c) => [c.email, c]));
    const by = actorRef(user);
    let nominated = 0;
    let updated = 0;
    for (const details of all) {
      const same = existing.get(details.email);
      if (same) {
        const published = new Set((await repository.channelsOf([same.id])).filter((c) => c.published).map((c) => `${c.kind}:${c.value}`));
        const kept = { ...details, channels: details.channels.map((c) => ({ ...c, published: published.has(`${c.kind}:${c.value}`) })) };
        await repository.updateDetails(same.id, kept, contactSearchText({ ...kept, organisation: supporter.name, country: supporter.countryCode }), supporter.countryCode);
        await repository.replaceChannels(same.id, kept.channels);
        updated++;
      } else {
        await insertNomination(tx, { by, supporter, details, locale: input.locale, publicUrl: input.publicUrl, now: input.now });
        nominated++;
      }
    }
    await recordAudit(tx, { actor: by, action: 'contacts.import', subject: supporter.id, details: { format: input.format, nominated, updated } });
    return { nominated, updated };
  });
}
