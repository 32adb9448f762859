import type { AppModule } from '../../app/app-module.js';
import { groupsAccess } from './groups.access.js';
import { groupsActivity } from './groups.activity.js';
import { groupsReference } from './groups.reference.js';
import { registerGroups } from './groups.register.js';

/**
 * The Call's working groups: their spaces (mandate, co-chairs, members and observers, documents with their versions,
 * news), the requests to take part and the co-chairs' decisions, the secretariat's pages to open and edit groups and
 * appoint co-chairs, the groups' Atom feeds, CSV and API. Consultations and events held in a group list themselves on
 * its page (`contributions`) and in its feed (`activity`) from their own modules.
 */
export const groupsModule: AppModule = {
  name: 'groups',
  reference: [groupsReference],
  access: groupsAccess,
  activity: [groupsActivity],
  register: registerGroups,
};
