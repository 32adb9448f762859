import type { AppModule } from './app-module.js';
import type { ReferencePart } from './reference/reference.js';
import { accountsModule } from '../modules/accounts/accounts.module.js';
import { applicationsModule } from '../modules/applications/applications.module.js';
import { callModule } from '../modules/call/call.module.js';
import { consultationsModule } from '../modules/consultations/consultations.module.js';
import { groupsModule } from '../modules/groups/groups.module.js';
import { supportersModule } from '../modules/supporters/supporters.module.js';
import { indexModule } from '../modules/index/index.module.js';
import { normsModule } from '../modules/norms/norms.module.js';
import { toolkitModule } from '../modules/toolkit/toolkit.module.js';
import { eventsModule } from '../modules/events/events.module.js';
import { notificationsModule } from '../modules/notifications/notifications.module.js';
import { pingsModule } from '../modules/pings/pings.module.js';
import { requestsModule } from '../modules/requests/requests.module.js';
import { contactsModule } from '../modules/contacts/contacts.module.js';
import { disclosureModule } from '../modules/disclosure/disclosure.module.js';
import { incidentsModule } from '../modules/incidents/incidents.module.js';
import { casesModule } from '../modules/cases/cases.module.js';

// The manifest's type is apart (app-module.ts): each module imports it, and this file imports each module.
export type { AppModule };

/** Every module of the platform, in registration order. */
export const modules: AppModule[] = [callModule, supportersModule, accountsModule, applicationsModule, indexModule, normsModule, toolkitModule, consultationsModule, eventsModule, notificationsModule, groupsModule, pingsModule, requestsModule, contactsModule, disclosureModule, incidentsModule, casesModule];

/** Every module's part of the reference bundle, in registration order (the registry before what refers to it). */
export function referenceParts(): ReferencePart[] {
  return modules.flatMap((module) => (module.reference ?? []) as ReferencePart[]);
}
