import type { ContributionGroup } from '../../../app/contributions.js';
import { ContributionGroups } from '../../../app/html/contribution-groups.js';
import { RelatedWorkList } from '../../../app/html/related-work-list.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { RelatedWork } from '../../../app/related.js';
import type { CrosswalkLink } from '../crosswalk/crosswalk.models.js';
import { LinkSource, principleLabel, Rationale, type PrincipleName } from '../crosswalk/views/link-parts.js';
import { normsMessages } from '../norms.messages.js';
import type { NormRow } from '../norms.repository.js';

/** The UN English is the reference text on every page; the G7's French is shown beside it on French pages, as the G7's. */
export function NormsPage({ locale, norms }: { locale: Locale; norms: NormRow[] }): JSX.Element {
  const t = normsMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('norms.title')} path="/norms" current="practices">
      <h1>{safeT('norms.title')}</h1>
      {norms.length === 0 ? (
        <p>{safeT('norms.empty')}</p>
      ) : (
        <>
          <p class="lead">{safeT('norms.intro')}</p>
          <p>
            <a href={`/${locale}/norms/crosswalk`}>{safeT('norms.crosswalk')}</a>
          </p>
          <ol class="principle-list">
            {norms.map((norm) => (
              <li>
                <h2>
                  <a href={`/${locale}/norms/${norm.code}`} safe>
                    {t('norms.open', { paragraph: norm.paragraph })}
                  </a>
                </h2>
                <p lang={locale === 'fr' && norm.text.fr ? 'fr' : 'en'} safe>
                  {locale === 'fr' && norm.text.fr ? norm.text.fr : norm.text.en}
                </p>
              </li>
            ))}
          </ol>
          <p class="meta">
            {safeT('norms.downloads')} <a href={`/${locale}/norms/export/norms.csv`}>{safeT('norms.downloads.csv')}</a>,{' '}
            <a href="/api/v1/norms">{safeT('norms.downloads.json')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

export interface NormPageProps {
  locale: Locale;
  norm: NormRow;
  /** The crosswalk's links of this norm, and the principles' names. */
  links: readonly CrosswalkLink[];
  principles: readonly PrincipleName[];
  /** What the modules list for this norm: practices, case studies, the supporters behind them, report sections. */
  contributions: readonly ContributionGroup[];
  related: readonly RelatedWork[];
}

export function NormPage({ locale, norm, links, principles, contributions, related }: NormPageProps): JSX.Element {
  const t = normsMessages(locale);
  const safeT = escaping(t);
  const title = t('norms.open', { paragraph: norm.paragraph });
  return (
    <Layout locale={locale} title={title} path={`/norms/${norm.code}`} current="practices">
      <p class="breadcrumb">
        <a href={`/${locale}/norms`}>{safeT('norm.all')}</a>
      </p>
      <p class="eyebrow" safe>
        {t('norms.paragraph', { paragraph: norm.paragraph })}
      </p>
      <h1 safe>{title}</h1>
      <section aria-labelledby="norm-text">
        <h2 id="norm-text">{safeT('norm.text')}</h2>
        <blockquote lang="en">
          <p safe>{norm.text.en}</p>
        </blockquote>
        <p class="meta" safe>{`${t('norm.source')}: ${norm.sources.en}`}</p>
        {locale === 'fr' && norm.text.fr && norm.frWording === 'g7' ? (
          <>
            <h3>{safeT('norm.g7')}</h3>
            <p class="meta">{safeT('norm.g7.note')}</p>
            <blockquote lang="fr">
              <p safe>{norm.text.fr}</p>
            </blockquote>
            <p class="meta" lang="en" safe>{`${t('norm.source')}: ${norm.sources.fr ?? ''}`}</p>
          </>
        ) : (
          ''
        )}
        {norm.editedBy ? <p class="meta">{safeT('norm.edited')}</p> : ''}
      </section>
      <section aria-labelledby="norm-principles">
        <h2 id="norm-principles">{safeT('norm.principles')}</h2>
        {links.length ? (
          <ul class="crosswalk-links">
            {links.map((link) => (
              <li>
                <a href={`/${locale}/principles/${link.principleNumber}`} safe>
                  {principleLabel(locale, principles.find((p) => p.number === link.principleNumber), link.principleNumber)}
                </a>
                <Rationale locale={locale} link={link} />
                <LinkSource locale={locale} link={link} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{safeT('norm.noPrinciples')}</p>
        )}
        <p>
          <a href={`/${locale}/norms/crosswalk`}>{safeT('norm.crosswalk')}</a>
        </p>
      </section>
      <ContributionGroups locale={locale} groups={contributions} />
      <section aria-labelledby="related-work">
        <h2 id="related-work">{safeT('norm.related')}</h2>
        {related.length ? (
          <RelatedWorkList locale={locale} related={related} />
        ) : (
          <p>{safeT('norm.noRelated')}</p>
        )}
      </section>
    </Layout>
  );
}
