import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathAfterLocale } from '../../app/http/locale.js';
import { parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { pathIdentifier } from '../../shared/text-input.js';
import { unitNotFound } from './index.errors.js';
import { pickTime } from './index.models.js';
import type { PublishedEdition, PublishedEditions } from './index.published.js';
import { changesView } from './views/changes-section.js';
import { EditionsPage } from './views/editions-page.js';
import { findIndicator, IndicatorPage } from './views/indicator-page.js';
import { MapPage } from './views/map-page.js';
import { MethodologyPage } from './views/methodology-page.js';
import { RankingPage, type EditionView } from './views/ranking-page.js';
import { UnitPage, unitHistory } from './views/unit-page.js';

const html = 'text/html; charset=utf-8';
const slugParams = z.object({ slug: pathIdentifier(80) });
const unitParams = slugParams.extend({ code: pathIdentifier(64) });
const timeQuery = z.object({ time: z.union([z.literal(''), z.coerce.number().int()]).optional() });

function view(locale: Locale, edition: PublishedEdition): EditionView {
  const title = locale === 'fr' ? edition.titleFr : edition.titleEn;
  const withdrawn = edition.status === 'withdrawn' && edition.withdrawnAt ? { at: edition.withdrawnAt, reason: edition.withdrawalReason ?? '' } : null;
  return { slug: edition.slug, title, publishedAt: edition.publishedAt, pilot: edition.isPilot, withdrawn, snapshot: edition.snapshot };
}

/** The index's public pages in every language, from the published editions kept for the process (index.published.ts). */
export async function registerIndexPages(app: FastifyInstance, editions: PublishedEditions): Promise<void> {
  const load = editions.get;
  const previousOf = async (edition: PublishedEdition) => (edition.changes.previous ? load(edition.changes.previous.slug) : null);
  for (const locale of locales) {
    app.get(`/${locale}/index`, { schema: { hide: true } }, async (_request, reply) => {
      const published = await editions.list();
      return reply
        .type(html)
        .send(EditionsPage({ locale, editions: published.map((e) => ({ slug: e.slug, title: locale === 'fr' ? e.titleFr : e.titleEn, publishedAt: e.publishedAt, pilot: e.isPilot })) }));
    });

    app.get(`/${locale}/index/:slug`, { schema: { hide: true } }, async (request, reply) => {
      const { slug } = parseParams(slugParams, request.params);
      const { time } = parseOrThrow(timeQuery, request.query, locale);
      const published = await load(slug);
      const edition = view(locale, published);
      const changes = changesView(locale, published, await previousOf(published));
      return reply.type(html).send(RankingPage({ locale, edition, changes, time: pickTime(edition.snapshot, time), path: pathAfterLocale(request) }));
    });

    app.get(`/${locale}/index/:slug/methodology`, { schema: { hide: true } }, async (request, reply) => {
      const { slug } = parseParams(slugParams, request.params);
      return reply.type(html).send(MethodologyPage({ locale, edition: view(locale, await load(slug)), path: pathAfterLocale(request) }));
    });

    app.get(`/${locale}/index/:slug/units/:code`, { schema: { hide: true } }, async (request, reply) => {
      const { slug, code } = parseParams(unitParams, request.params);
      const { time } = parseOrThrow(timeQuery, request.query, locale);
      const current = await load(slug);
      // A unit the edition does not know is a 404 (the API's case-insensitive match), not a page about it; one dropped
      // since the previous edition is known from the changes, and its page says so.
      const wanted = code.toUpperCase();
      const unit = current.snapshot.units.find((u) => u.code.toUpperCase() === wanted)?.code ?? current.changes.units.find((u) => u.unit.toUpperCase() === wanted)?.unit;
      if (!unit) throw unitNotFound();
      const edition = view(locale, current);
      const changes = changesView(locale, current, await previousOf(current));
      // Every published edition's snapshot, each read once per process (see `load`), for the unit's history.
      const published = await Promise.all((await editions.list()).map(async (e) => view(locale, await load(e.slug))));
      const history = unitHistory(published, unit);
      return reply.type(html).send(UnitPage({ locale, edition, changes, unit, time: pickTime(edition.snapshot, time), history, path: pathAfterLocale(request) }));
    });

    app.get(`/${locale}/index/:slug/map`, { schema: { hide: true } }, async (request, reply) => {
      const { slug } = parseParams(slugParams, request.params);
      const { time } = parseOrThrow(timeQuery, request.query, locale);
      const edition = view(locale, await load(slug));
      return reply.type(html).send(MapPage({ locale, edition, time: pickTime(edition.snapshot, time), path: pathAfterLocale(request) }));
    });

    app.get(`/${locale}/index/:slug/indicators/:code`, { schema: { hide: true } }, async (request, reply) => {
      const { slug, code } = parseParams(unitParams, request.params);
      const { time } = parseOrThrow(timeQuery, request.query, locale);
      const edition = view(locale, await load(slug));
      const indicator = findIndicator(edition.snapshot, code);
      return reply.type(html).send(IndicatorPage({ locale, edition, indicator, time: pickTime(edition.snapshot, time), path: pathAfterLocale(request) }));
    });
  }
}
