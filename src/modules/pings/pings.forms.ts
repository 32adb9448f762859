/** The exercise form, read and checked: what was typed comes back with each field's error. */
import type { Locale } from '../../app/i18n/i18n.js';
import { channelKinds, contactRoles, windowChoices } from './pings.constants.js';
import { pingsMessages } from './pings.messages.js';
import { isTimeZone, localToInstant } from './pings.time.js';
import type { NewExercise } from './pings.usecases.js';
import type { ExerciseFormValues } from './views/form-page.js';

const many = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '').slice(0, 500);
};
const one = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

export function readExerciseForm(body: unknown): ExerciseFormValues {
  return { organisations: many(body, 'organisations'), roles: many(body, 'roles'), channels: many(body, 'channels'), window: one(body, 'window'), when: one(body, 'when'), startsAt: one(body, 'startsAt'), timeZone: one(body, 'timeZone') || 'UTC' };
}

export type Checked = { ok: true; exercise: Omit<NewExercise, 'supporterId'> } | { ok: false; errors: Partial<Record<keyof ExerciseFormValues, string>> };

export function checkExerciseForm(locale: Locale, values: ExerciseFormValues, now: Date): Checked {
  const t = pingsMessages(locale);
  const errors: Partial<Record<keyof ExerciseFormValues, string>> = {};
  if (values.channels.length === 0 || values.channels.some((c) => !(channelKinds as readonly string[]).includes(c))) errors.channels = t('pings.error.channels');
  if (values.roles.some((r) => !(contactRoles as readonly string[]).includes(r))) errors.roles = t('pings.error.roles');
  const window = Number(values.window);
  if (!(windowChoices as readonly number[]).includes(window)) errors.window = t('pings.error.window');
  let startsAt: Date | null = null;
  if (values.when === 'later') {
    startsAt = isTimeZone(values.timeZone) ? localToInstant(values.startsAt, values.timeZone) : null;
    if (!startsAt || startsAt.getTime() <= now.getTime()) errors.startsAt = t('pings.error.startsAt');
  } else if (!isTimeZone(values.timeZone)) errors.startsAt = t('pings.error.startsAt');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, exercise: { scopeSupporterIds: [...new Set(values.organisations)], roles: [...new Set(values.roles)], channels: [...new Set(values.channels)], windowMinutes: window, startsAt, timeZone: values.timeZone } };
}
