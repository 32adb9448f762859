/**
 * The Call's texts: imported from the official repository layout, read by the public pages, and the principles' names
 * kept by the secretariat. Texts are stored per language; a page in a language without its own text says so and shows
 * the other one. A principle renamed on the platform keeps its names through later imports; each rename is one
 * transaction with its audit entry (before and after), then empties the response cache.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { renderMarkdown } from '../../shared/markdown.js';
import type { ParsedCall } from './call.source.js';
import { callMessages } from './call.messages.js';
import { defineError } from '../../app/http/errors.js';
import { callPolicies } from './call.policies.js';
import type { PrincipleForm } from './call.schemas.js';
import { createCallRepository } from './call.repository.js';

export const principleNotFound = defineError('call.principle.not-found', 404, (locale) => callMessages(locale)('call.principle.not-found'));

/**
 * Replaces the documents and principles with the parsed ones (the secretariat or the system: the CLI, first start),
 * except the principles the secretariat renamed on the platform (`keptPrinciples`), whose names stay theirs.
 */
export async function importCallContent(input: {
  db: Executor;
  parsed: ParsedCall;
  actor: Actor;
  events?: EventBus;
}): Promise<{ documents: number; principles: number; keptPrinciples: number[] }> {
  authorize(input.actor, callPolicies.editContent, undefined);
  const kept = await input.db.transaction(async (tx) => {
    const repository = createCallRepository(tx);
    const edited = await repository.editedPrincipleNumbers();
    for (const doc of input.parsed.documents) await repository.upsertDocument(doc);
    for (const p of input.parsed.principles) if (!edited.has(p.number)) await repository.upsertPrinciple(p);
    const keptPrinciples = input.parsed.principles.filter((p) => edited.has(p.number)).map((p) => p.number);
    await recordAudit(tx, {
      actor: actorRef(input.actor),
      action: 'call.import',
      details: { documents: input.parsed.documents.length, principles: input.parsed.principles.length - keptPrinciples.length, keptPrinciples },
    });
    return keptPrinciples;
  });
  input.events?.emit('registry.changed', { reason: 'call-import' });
  return { documents: input.parsed.documents.length, principles: input.parsed.principles.length - kept.length, keptPrinciples: kept };
}

/** The secretariat renames a principle: short and full names, English required, French when translated. */
export async function editPrincipleNames(input: { db: Executor; actor: Actor; events?: EventBus; number: number; form: PrincipleForm }) {
  const actor = authorize(input.actor, callPolicies.editPrinciple, undefined);
  const { shortNameEn, shortNameFr, fullNameEn, fullNameFr } = input.form;
  const after = {
    shortName: shortNameFr ? { en: shortNameEn, fr: shortNameFr } : { en: shortNameEn },
    fullName: fullNameFr ? { en: fullNameEn, fr: fullNameFr } : { en: fullNameEn },
  };
  const principle = await input.db.transaction(async (tx) => {
    const repository = createCallRepository(tx);
    const before = await repository.findPrinciple(input.number);
    if (!before) throw principleNotFound();
    await repository.updatePrincipleNames(input.number, after, actorRef(actor));
    await recordAudit(tx, {
      actor: actorRef(actor),
      action: 'call.principle.edit',
      subject: `principle:${input.number}`,
      details: { before: { shortName: before.shortName, fullName: before.fullName }, after },
    });
    return (await repository.findPrinciple(input.number))!;
  });
  input.events?.emit('registry.changed', { reason: 'principle-edit' });
  return principle;
}

/** One principle, or the localized 404. */
export async function getPrinciple(input: { db: Executor; number: number }) {
  const principle = await createCallRepository(input.db).findPrinciple(input.number);
  if (!principle) throw principleNotFound();
  return principle;
}

/** A page of the principles in the Call's order, with how many there are. */
export async function listPrinciplesPage(input: { db: Executor; page: { offset: number; limit: number } }) {
  const repository = createCallRepository(input.db);
  const [items, total] = await Promise.all([repository.listPrinciples(input.page), repository.countPrinciples()]);
  return { items, total };
}

export interface RenderedDocument {
  html: string;
  /** The language the text is in: differs from the page's when no translation exists. */
  locale: Locale;
}

/** A document in the page language, else in the other language (flagged), else null. */
export async function getCallDocument(input: { db: Executor; key: string; locale: Locale }): Promise<RenderedDocument | null> {
  const docs = await createCallRepository(input.db).documentsByKey(input.key);
  const doc = docs.find((d) => d.locale === input.locale) ?? docs[0];
  return doc ? { html: renderMarkdown(doc.markdown), locale: doc.locale as Locale } : null;
}

export async function listPrinciples(input: { db: Executor }) {
  return createCallRepository(input.db).listPrinciples();
}
