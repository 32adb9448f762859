/**
 * The Call's texts: imported from the official repository layout, read by the public pages.
 * Texts are stored per language; a page in a language without its own text says so and shows the other one.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { renderMarkdown } from '../../shared/markdown.js';
import type { ParsedCall } from './call.source.js';
import { callPolicies } from './call.policies.js';
import { createCallRepository } from './call.repository.js';

/** Replaces the documents and principles with the parsed ones (the secretariat or the system: the CLI, first start). */
export async function importCallContent(input: { db: Executor; parsed: ParsedCall; actor: Actor; events?: EventBus }): Promise<{ documents: number; principles: number }> {
  authorize(input.actor, callPolicies.editContent, undefined);
  await input.db.transaction(async (tx) => {
    const repository = createCallRepository(tx);
    for (const doc of input.parsed.documents) await repository.upsertDocument(doc);
    for (const p of input.parsed.principles) await repository.upsertPrinciple(p);
    await recordAudit(tx, {
      actor: actorRef(input.actor),
      action: 'call.import',
      details: { documents: input.parsed.documents.length, principles: input.parsed.principles.length },
    });
  });
  input.events?.emit('registry.changed', { reason: 'call-import' });
  return { documents: input.parsed.documents.length, principles: input.parsed.principles.length };
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
