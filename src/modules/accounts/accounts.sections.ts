import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../app/authz/actor.js';
import type { Database } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';

export interface AccountSectionInput {
  db: Database;
  actor: UserActor;
  locale: Locale;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The hidden CSRF input for forms in the section (escaped markup). */
  csrfField: string;
}

/**
 * A part of the account page rendered by another module (the organisations someone represents, their applications),
 * so accounts never imports those modules. `render` must use `input.db`, not a database captured at registration.
 */
export interface AccountSection {
  name: string;
  /** Lower comes first; sections appear after the account summary. */
  order?: number;
  render(input: AccountSectionInput): JSX.Element | Promise<JSX.Element>;
}

const sections = new Map<string, AccountSection>();

/** Registers (or replaces, by name) a section of the account page; call it from a module's `register`. */
export function registerAccountSection(section: AccountSection): void {
  sections.set(section.name, section);
}

export async function renderAccountSections(input: AccountSectionInput): Promise<string[]> {
  const ordered = [...sections.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const rendered: string[] = [];
  for (const section of ordered) rendered.push(await section.render(input));
  return rendered;
}
