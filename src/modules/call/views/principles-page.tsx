import type { ContributionGroup } from '../../../app/contributions.js';
import { ContributionGroups } from '../../../app/html/contribution-groups.js';
import { RelatedWorkList } from '../../../app/html/related-work-list.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { callMessages } from '../call.messages.js';
import type { principles as principlesTable } from '../call.tables.js';
import type { RenderedDocument } from '../call.usecases.js';
import type { RelatedWork } from '../../../app/related.js';
import { TranslatedDocument } from './document-page.js';

type Principle = typeof principlesTable.$inferSelect;

const name = (p: Principle, locale: Locale, kind: 'shortName' | 'fullName') => p[kind][locale] ?? p[kind].en ?? p[kind].fr ?? '';
/** The language a name is shown in when it is not the page's (not translated yet), for its `lang` attribute. */
const fallbackLang = (p: Principle, locale: Locale, kind: 'shortName' | 'fullName') => (p[kind][locale] ? undefined : p[kind].en ? 'en' : p[kind].fr ? 'fr' : undefined);

export function PrinciplesPage({ locale, principles }: { locale: Locale; principles: Principle[] }): JSX.Element {
  const t = callMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('principles.title')} path="/principles" current="principles">
      <h1>{safeT('principles.title')}</h1>
      {principles.length === 0 ? (
        <p>{safeT('principles.missing')}</p>
      ) : (
        <>
          <p class="lead">{safeT('principles.intro')}</p>
          <ol class="principle-list">
            {principles.map((p) => (
              <li>
                <h2>
                  <a href={`/${locale}/principles/${p.number}`} safe>
                    {name(p, locale, 'shortName')}
                  </a>
                </h2>
                <p safe>{name(p, locale, 'fullName')}</p>
              </li>
            ))}
          </ol>
          <p class="meta">
            {safeT('principles.downloads')} <a href={`/${locale}/principles/export/principles.csv`}>{safeT('principles.downloads.csv')}</a>,{' '}
            <a href="/api/v1/principles">{safeT('principles.downloads.json')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

export interface PrinciplePageProps {
  locale: Locale;
  principle: Principle;
  caseStudies: RenderedDocument | null;
  /** The platform's tools and work that serve this principle (other modules declare them). */
  related: readonly RelatedWork[];
  /** What the other modules list for this principle (its norms in the crosswalk, practices, case studies, reports). */
  contributions: readonly ContributionGroup[];
}

export function PrinciplePage({ locale, principle, caseStudies, related, contributions }: PrinciplePageProps): JSX.Element {
  const t = callMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={name(principle, locale, 'shortName')} path={`/principles/${principle.number}`} current="principles">
      <p class="breadcrumb">
        <a href={`/${locale}/principles`}>{safeT('principles.all')}</a>
      </p>
      <p class="eyebrow">{safeT('principles.number', { number: principle.number })}</p>
      <h1 lang={fallbackLang(principle, locale, 'shortName')} safe>
        {name(principle, locale, 'shortName')}
      </h1>
      <p class="lead" lang={fallbackLang(principle, locale, 'fullName')} safe>
        {name(principle, locale, 'fullName')}
      </p>
      <ContributionGroups locale={locale} groups={contributions} />
      {related.length > 0 && (
        <section aria-labelledby="related-work">
          <h2 id="related-work">{safeT('principles.related')}</h2>
          <RelatedWorkList locale={locale} related={related} />
        </section>
      )}
      <section aria-labelledby="case-studies">
        <h2 id="case-studies">{safeT('principles.caseStudies')}</h2>
        {caseStudies ? (
          <TranslatedDocument locale={locale} document={caseStudies} class="prose case-studies" />
        ) : (
          <p>{safeT('principles.noCaseStudies')}</p>
        )}
      </section>
    </Layout>
  );
}
