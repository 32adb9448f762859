/**
 * The synthesis of practices in every language: the page (the set's GET form, and the synthesis once a set is
 * chosen), its Markdown download and its print version. Public: only published practices are read. Not in the
 * response cache, since practices change through other modules' use cases that do not announce it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { locales, type Locale } from '../../../app/i18n/i18n.js';
import { synthesisMarkdown } from './synthesis.markdown.js';
import { synthesisMessages } from './synthesis.messages.js';
import { presentSynthesis } from './synthesis.presenters.js';
import { synthesisQuerySchema, synthesisQueryString, type SynthesisFilters } from './synthesis.schemas.js';
import { generateSynthesis, synthesisFormOptions } from './synthesis.usecases.js';
import { SynthesisPage, SynthesisPrintPage, type SynthesisFormState } from './views/synthesis-page.js';

const html = 'text/html; charset=utf-8';
const fields = ['origin', 'year', 'category', 'principle', 'norm'] as const;

/** The query as typed, for showing it back in the form. */
function typed(query: Record<string, unknown>): SynthesisFormState['values'] {
  const values: SynthesisFormState['values'] = { country: [] };
  for (const field of fields) if (typeof query[field] === 'string') values[field] = query[field];
  const country = query.country;
  values.country = (Array.isArray(country) ? country : [country]).filter((c): c is string => typeof c === 'string' && c !== '');
  return values;
}

/** The filters, or each wrong field with its message in the page's language. */
function readSet(query: unknown, locale: Locale): { filters: SynthesisFilters } | { errors: SynthesisFormState['errors'] } {
  const parsed = synthesisQuerySchema.safeParse(query ?? {});
  if (parsed.success) return { filters: parsed.data };
  const t = synthesisMessages(locale);
  const errors: SynthesisFormState['errors'] = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'year') errors.year = t('synthesis.error.year');
    else if (field === 'country') errors.country = t('synthesis.error.country');
    else if (field === 'origin' || field === 'category' || field === 'principle' || field === 'norm') errors[field] = t('synthesis.error.choice');
  }
  return { errors };
}

export async function registerSynthesisPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const page = { schema: { hide: true } };

  /** The set of a download or print request: a wrong one is the page's own 400, with the form and its messages. */
  async function filtersOr400(request: FastifyRequest, reply: FastifyReply, locale: Locale): Promise<SynthesisFilters | null> {
    const set = readSet(request.query, locale);
    if ('filters' in set) return set.filters;
    const state = { values: typed(request.query as Record<string, unknown>), errors: set.errors };
    await reply.code(400).type(html).send(SynthesisPage({ locale, state, options: await synthesisFormOptions({ db }), result: null }));
    return null;
  }

  for (const locale of locales) {
    app.get(`/${locale}/practices/synthesis`, page, async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const options = await synthesisFormOptions({ db });
      if (Object.keys(query).length === 0) return reply.type(html).send(SynthesisPage({ locale, state: { values: { country: [] }, errors: {} }, options, result: null }));
      const filters = await filtersOr400(request, reply, locale);
      if (!filters) return reply;
      const shown = presentSynthesis(await generateSynthesis({ db, filters }), locale);
      return reply.type(html).send(SynthesisPage({ locale, state: { values: typed(query), errors: {} }, options, result: { shown, query: synthesisQueryString(filters) } }));
    });

    app.get(`/${locale}/practices/synthesis.md`, page, async (request, reply) => {
      const filters = await filtersOr400(request, reply, locale);
      if (!filters) return reply;
      const t = synthesisMessages(locale);
      const shown = presentSynthesis(await generateSynthesis({ db, filters }), locale);
      const labels = { front: t('synthesis.front'), norms: t('synthesis.norms'), principles: t('synthesis.principles'), principlesIntro: t('synthesis.principles.intro'), other: t('synthesis.other') };
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="practices-synthesis-${locale}.md"`)
        .send(synthesisMarkdown(shown, labels, context.config.publicUrl));
    });

    app.get(`/${locale}/practices/synthesis/print`, page, async (request, reply) => {
      const filters = await filtersOr400(request, reply, locale);
      if (!filters) return reply;
      const shown = presentSynthesis(await generateSynthesis({ db, filters }), locale);
      return reply.type(html).send(SynthesisPrintPage({ locale, shown, query: synthesisQueryString(filters), publicUrl: context.config.publicUrl }));
    });
  }
}
