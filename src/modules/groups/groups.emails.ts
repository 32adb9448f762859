/**
 * The immediate e-mails of the working groups, in the recipient's language, through the outbox inside the decision's
 * transaction: the answer to a request (accepted, or declined with the reason), a removal with its reason, and the
 * co-chairs' notice that a request arrived. Nothing else is mailed at once: the rest goes in the digests.
 */
import { getUser } from '../../app/auth/users.js';
import { holdersOf } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { groupsMessages, type GroupsMessageKey } from './groups.messages.js';
import type { GroupMembershipRow, GroupRow } from './groups.tables.js';

const groupName = (group: GroupRow, locale: Locale) => group.name[locale] ?? group.name.en ?? group.name.fr ?? group.slug;

async function recipient(db: Executor, userId: string): Promise<{ email: string; locale: Locale; name: string | null } | null> {
  const user = await getUser(db, userId);
  if (!user?.email || user.status !== 'active') return null;
  return { email: user.email, locale: isLocale(user.locale) ? user.locale : 'en', name: user.name };
}

/** The person's answer: `accepted`, `declined` (with the reason) or `removed` (with the reason). */
export async function sendDecisionEmail(db: Executor, input: { group: GroupRow; membership: GroupMembershipRow; decision: 'accepted' | 'declined' | 'removed'; publicUrl: string }): Promise<void> {
  const to = await recipient(db, input.membership.userId);
  if (!to) return;
  const t = groupsMessages(to.locale);
  const group = groupName(input.group, to.locale);
  const role = t(`role.${input.membership.role}` as GroupsMessageKey);
  const rendered = renderEmail({
    locale: to.locale,
    heading: t(`mail.${input.decision}.subject`, { group }),
    paragraphs: [t(`mail.${input.decision}.body`, { group, role }), ...(input.decision !== 'accepted' && input.membership.reason ? [input.membership.reason] : [])],
    action: { label: t('mail.open'), url: `${input.publicUrl.replace(/\/$/, '')}/${to.locale}/groups/${input.group.slug}` },
  });
  await enqueueEmail(db, {
    to: to.email,
    locale: to.locale,
    subject: t(`mail.${input.decision}.subject`, { group }),
    text: rendered.text,
    html: rendered.html,
    tag: `groups.membership.${input.decision}`,
    subjectRef: input.membership.id,
    idempotencyKey: `groups.membership:${input.membership.id}:${input.decision}`,
  });
}

/** Tells each co-chair of the group, in their language, that a request waits on their page. */
export async function sendRequestEmails(db: Executor, input: { group: GroupRow; membership: GroupMembershipRow; requester: string; publicUrl: string }): Promise<number> {
  let sent = 0;
  for (const userId of await holdersOf(db, 'co-chair', input.group.id)) {
    const to = await recipient(db, userId);
    if (!to) continue;
    const t = groupsMessages(to.locale);
    const group = groupName(input.group, to.locale);
    const values = { group, name: input.requester, role: t(`role.${input.membership.role}` as GroupsMessageKey) };
    const rendered = renderEmail({
      locale: to.locale,
      heading: t('mail.requested.subject', values),
      paragraphs: [t('mail.requested.body', values), ...(input.membership.message ? [input.membership.message] : [])],
      action: { label: t('mail.decide'), url: `${input.publicUrl.replace(/\/$/, '')}/${to.locale}/groups/${input.group.slug}/manage` },
    });
    await enqueueEmail(db, {
      to: to.email, locale: to.locale, subject: t('mail.requested.subject', values), text: rendered.text, html: rendered.html,
      tag: 'groups.membership.requested', subjectRef: input.membership.id, idempotencyKey: `groups.membership:${input.membership.id}:requested:${userId}`,
    });
    sent++;
  }
  return sent;
}
