/**
 * The secretariat's moderation pages in every language: the queue, one practice's review (the submitted revision, its
 * changes from the published one), and the three decisions. Every route refuses anyone but the secretariat before
 * reading the body; a decision names the revision the moderator read, so a stale page cannot decide a newer one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../../app/authz/before-body.js';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/http/errors.js';
import { sendPrivatePage } from '../../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { formValues, one } from './practices.forms.js';
import { practicesMessages } from './practices.messages.js';
import { publishRevision, rejectRevision, requestInformation, type DecisionInput } from './practices.moderation.js';
import { decisions, type Decision } from './practices.models.js';
import { practicesPolicies } from './practices.policies.js';
import { frameworkChoices, moderationQueue, practiceForReview } from './practices.queries.js';
import { practiceParamsSchema, revisionNumber } from './practices.schemas.js';
import { QueuePage } from './views/queue-page.js';
import { ReviewPage } from './views/review-page.js';

const decide: Record<Decision, (input: DecisionInput) => Promise<unknown>> = { publish: publishRevision, 'request-information': requestInformation, reject: rejectRevision };
const decided = ['published', 'information-requested', 'rejected'] as const;

export async function registerPracticeSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const moderator = authorizeBeforeBody(practicesPolicies.moderate);

  for (const locale of locales) {
    const t = practicesMessages(locale);
    const base = `/${locale}/secretariat/practices`;

    app.get(base, { schema: { hide: true }, ...moderator }, async (request, reply) => {
      const done = parseNotice(decided, request.query);
      const entries = await moderationQueue({ db, actor: await getActor(request) });
      return sendPrivatePage(reply, QueuePage({ locale, entries, notice: done ? t(`done.${done}`) : undefined }));
    });

    const review = async (request: FastifyRequest, reply: FastifyReply, state: { reason?: string; reasonError?: string; alert?: string }, status = 200) => {
      const { id } = parseParams(practiceParamsSchema, request.params);
      const found = await practiceForReview({ db, actor: await getActor(request), practiceId: id });
      return sendPrivatePage(reply, ReviewPage({ locale, review: found, framework: await frameworkChoices({ db }), csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`${base}/:id`, { schema: { hide: true }, ...moderator }, async (request, reply) => review(request, reply, {}));

    for (const decision of Object.keys(decide) as Decision[]) {
      app.post(`${base}/:id/${decision}`, { schema: { hide: true }, ...moderator, preHandler: verifyCsrf }, async (request, reply) => {
        const { id } = parseParams(practiceParamsSchema, request.params);
        const values = formValues(request.body);
        const reason = one(values, 'reason');
        const revision = revisionNumber.safeParse(one(values, 'revision'));
        if (!revision.success) return review(request, reply, { reason, alert: t('error.revisionDecided') }, 422);
        try {
          await decide[decision]({ db, actor: await getActor(request), practiceId: id, revision: revision.data, reason: reason || null, events: context.events, publicUrl: context.config.publicUrl });
        } catch (error) {
          if (error instanceof AppError && error.code === 'practices.invalid') return review(request, reply, { reason, reasonError: t('error.reason') }, 422);
          if (error instanceof AppError && error.code === 'practices.revision-decided') return review(request, reply, { reason, alert: error.localize(locale) }, 409);
          throw error;
        }
        return reply.redirect(`${base}?done=${decisions[decision]}`, 303);
      });
    }
  }
}
