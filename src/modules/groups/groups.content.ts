/**
 * What the co-chairs publish in their group: news (EN/FR, public or for members) and documents (drafts and
 * deliverables, public or for members), each version kept with its English and/or French file in the shared files
 * store (type and size checked there, stored by content hash). A closed group takes nothing new (policy). Each use case
 * checks everything before writing, runs in one transaction with its audit entry, and announces `registry.changed`.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import { storeFile } from '../../app/files/files.js';
import { documentKinds, groupTextLimits, maxDocumentBytes, visibilities } from './groups.constants.js';
import { documentNotFound, groupInvalid, groupNotFound } from './groups.errors.js';
import { checkLocalized, checkText } from './groups.models.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository } from './groups.repository.js';
import type { GroupDocumentRow, GroupDocumentVersionRow, GroupNewsRow, VersionFile } from './groups.tables.js';

interface Deps {
  db: Executor;
  actor: Actor;
  events?: EventBus | undefined;
}

export interface Upload {
  name: string;
  bytes: Buffer;
}

async function publishingGroup(tx: Executor, actor: Actor, groupId: string) {
  const group = await createGroupsRepository(tx).lockById(groupId);
  if (!group) throw groupNotFound();
  return { group, chair: authorize(actor, groupsPolicies.publish, group) };
}

const visibilityOf = (value: string, issues: Record<string, string>) => {
  if (!(visibilities as readonly string[]).includes(value)) issues.visibility = 'error.invalid';
  return value;
};

export async function postNews(input: Deps & { groupId: string; title: { en?: string; fr?: string }; body: { en?: string; fr?: string }; visibility: string }): Promise<{ news: GroupNewsRow }> {
  const issues: Record<string, string> = {};
  const title = checkLocalized(input.title, groupTextLimits.title);
  const body = checkLocalized(input.body, groupTextLimits.body);
  if (!title) issues['title-en'] = 'error.title';
  if (!body) issues['body-en'] = 'error.body';
  const visibility = visibilityOf(input.visibility, issues);
  const result = await input.db.transaction(async (tx) => {
    const { group, chair } = await publishingGroup(tx, input.actor, input.groupId);
    if (Object.keys(issues).length) throw groupInvalid(issues);
    const news = await createGroupsRepository(tx).insertNews({ groupId: group.id, title: title!, body: body!, visibility, createdBy: actorRef(chair) });
    await recordAudit(tx, { actor: actorRef(chair), action: 'groups.news', subject: group.id, details: { news: news.id, visibility } });
    return { news };
  });
  input.events?.emit('registry.changed', { reason: 'groups.news' });
  return result;
}

/** Stores the uploads (at least one language) in the files store; a refused file throws `files.refused`. */
async function storedFiles(tx: Executor, uploads: Partial<Record<'en' | 'fr', Upload>>): Promise<Partial<Record<'en' | 'fr', VersionFile>>> {
  const files: Partial<Record<'en' | 'fr', VersionFile>> = {};
  for (const language of ['en', 'fr'] as const) {
    const upload = uploads[language];
    if (upload) files[language] = await storeFile(tx, upload.bytes, { declaredName: upload.name, maxBytes: maxDocumentBytes });
  }
  return files;
}

export async function addDocument(
  input: Deps & { groupId: string; title: { en?: string; fr?: string }; kind: string; visibility: string; uploads: Partial<Record<'en' | 'fr', Upload>>; note?: string | null },
): Promise<{ document: GroupDocumentRow; version: GroupDocumentVersionRow }> {
  const issues: Record<string, string> = {};
  const title = checkLocalized(input.title, groupTextLimits.title);
  if (!title) issues['title-en'] = 'error.title';
  if (!(documentKinds as readonly string[]).includes(input.kind)) issues.kind = 'error.invalid';
  const visibility = visibilityOf(input.visibility, issues);
  if (!input.uploads.en && !input.uploads.fr) issues.files = 'error.file';
  const result = await input.db.transaction(async (tx) => {
    const { group, chair } = await publishingGroup(tx, input.actor, input.groupId);
    if (Object.keys(issues).length) throw groupInvalid(issues);
    const by = actorRef(chair);
    const repository = createGroupsRepository(tx);
    const document = await repository.insertDocument({ groupId: group.id, kind: input.kind, visibility, title: title!, createdBy: by });
    const version = await repository.insertVersion({ documentId: document.id, files: await storedFiles(tx, input.uploads), note: null, createdBy: by });
    await recordAudit(tx, { actor: by, action: 'groups.document', subject: group.id, details: { document: document.id, version: version.number, kind: input.kind, visibility } });
    return { document, version };
  });
  input.events?.emit('registry.changed', { reason: 'groups.document' });
  return result;
}

/** Adds a new version of a document; the earlier ones stay downloadable. */
export async function addDocumentVersion(input: Deps & { groupId: string; documentId: string; uploads: Partial<Record<'en' | 'fr', Upload>>; note: string | null }): Promise<{ version: GroupDocumentVersionRow }> {
  const issues: Record<string, string> = {};
  if (!input.uploads.en && !input.uploads.fr) issues.files = 'error.file';
  const note = checkText(input.note, groupTextLimits.note);
  if ('problem' in note) issues.note = 'error.invalid';
  const result = await input.db.transaction(async (tx) => {
    const { group, chair } = await publishingGroup(tx, input.actor, input.groupId);
    const repository = createGroupsRepository(tx);
    const document = await repository.findDocument(group.id, input.documentId);
    if (!document) throw documentNotFound();
    if (Object.keys(issues).length) throw groupInvalid(issues);
    const by = actorRef(chair);
    const version = await repository.insertVersion({ documentId: document.id, files: await storedFiles(tx, input.uploads), note: 'value' in note ? note.value : null, createdBy: by });
    await recordAudit(tx, { actor: by, action: 'groups.version', subject: group.id, details: { document: document.id, version: version.number } });
    return { version };
  });
  input.events?.emit('registry.changed', { reason: 'groups.version' });
  return result;
}
