import { defineError } from '../../app/http/errors.js';
import { notificationsMessages } from './notifications.messages.js';

export const groupNotFound = defineError('notifications.group.not-found', 404, (l) => notificationsMessages(l)('notifications.error.group'));
export const invalidFrequency = defineError('notifications.frequency.invalid', 422, (l) => notificationsMessages(l)('notifications.error.frequency'));
