import type { AppModule } from '../../app/app-module.js';
import { contactsAccess } from './contacts.access.js';
import { contactsJobHandlers, startAttestationClock } from './contacts.jobs.js';
import { registerContacts } from './contacts.register.js';

/**
 * The cooperation space's points of contact (norm 13(h)): organisations' representatives nominate contacts (role,
 * channels with 24/7 flags, weekly hours in an IANA time zone, languages, OpenPGP keys, RFC 2350 / security.txt / CVD
 * URLs), nominees accept by a signed link, contacts re-attest on a clock that flags them stale on its own; the
 * members' directory, the public directory of what contacts published, JSON / RFC 2350 import and export, CSV and API.
 */
export const contactsModule: AppModule = {
  name: 'contacts',
  access: contactsAccess,
  register: registerContacts,
  jobHandlers: (context) => contactsJobHandlers(context),
  onWorkerStart: (context) => startAttestationClock(context),
};
