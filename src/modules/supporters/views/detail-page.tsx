import type { ContributionGroup } from '../../../app/contributions.js';
import { ContributionGroups } from '../../../app/html/contribution-groups.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { isOnOrBefore } from '../supporters.models.js';
import { supporterMessages } from '../supporters.messages.js';
import { safeUrl, twitterUrl, type SupporterDetail } from '../supporters.presenters.js';
import { categoryLabel, natureLabel, verifiedLabel } from './labels.js';

export interface DetailPageProps {
  locale: Locale;
  supporter: SupporterDetail;
  /** What the other modules list for this supporter: its published practices, the public sections of its reports. */
  contributions: readonly ContributionGroup[];
  path: string;
  publicUrl: string;
}

/** JSON-LD in a data block: `<` is escaped so the text can never close the script element. */
function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}

export function DetailPage({ locale, supporter, contributions, path, publicUrl }: DetailPageProps): JSX.Element {
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  const website = safeUrl(supporter.website);
  const twitter = supporter.twitter ? twitterUrl(supporter.twitter) : null;
  const linkedin = safeUrl(supporter.linkedin);
  const links = [
    website ? { href: website, label: safeT('detail.website') } : null,
    twitter ? { href: twitter, label: safeT('detail.twitter') } : null,
    linkedin ? { href: linkedin, label: safeT('detail.linkedin') } : null,
  ].filter((l): l is { href: string; label: string } => l !== null);
  const pageUrl = `${publicUrl}/${locale}/supporters/${encodeURIComponent(supporter.slug)}`;
  const head = jsonLd({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': pageUrl,
    name: supporter.name,
    url: website ?? pageUrl,
    ...(links.length ? { sameAs: links.map((l) => l.href) } : {}),
    ...(supporter.country ? { address: { '@type': 'PostalAddress', addressCountry: supporter.country.code } } : {}),
    ...(supporter.statement ? { description: supporter.statement.slice(0, 500) } : {}),
    memberOf: { '@type': 'Organization', name: 'Paris Call for Trust and Security in Cyberspace', url: publicUrl },
  });
  const joined = supporter.joinedOn ? formatDate(locale, supporter.joinedOn) : null;
  const nature = natureLabel(supporter.natureKey, supporter.nature, locale);
  return (
    <Layout locale={locale} title={supporter.name} path={path} current="supporters" head={head}>
      <p class="breadcrumb">
        <a href={`/${locale}/supporters`}>{safeT('detail.back')}</a>
      </p>
      <h1 safe>{supporter.name}</h1>
      <dl class="facts">
        <dt>{safeT('detail.category')}</dt>
        <dd>
          <a href={`/${locale}/supporters?category=${supporter.category}`} safe>
            {categoryLabel(locale, supporter.category)}
          </a>
        </dd>
        {nature ? (
          <>
            <dt>{safeT('detail.nature')}</dt>
            <dd safe>{nature}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{safeT('detail.country')}</dt>
        <dd>
          {supporter.country ? (
            <>
              <a href={`/${locale}/supporters?country=${supporter.country.code}`} safe>
                {supporter.country.name[locale]}
              </a>
              {supporter.country.sourceCode && supporter.country.sourceCode !== supporter.country.code ? (
                <span class="note" safe>
                  {` (${t('detail.sourceCode', { code: supporter.country.sourceCode })})`}
                </span>
              ) : (
                ''
              )}
            </>
          ) : (
            safeT('detail.countryNone')
          )}
        </dd>
        <dt>{safeT('detail.joined')}</dt>
        <dd safe>
          {joined === null
            ? t('joined.unknown')
            : supporter.joinedOnSource === 'signed'
              ? t('detail.joinedSigned', { date: joined })
              : isOnOrBefore(supporter.joinedOn, supporter.joinedOnSource)
                ? t('detail.joinedOnOrBefore', { date: joined })
                : t('detail.joinedFirstSeen', { date: joined })}
        </dd>
        <dt>{safeT('detail.verification')}</dt>
        <dd>
          <a href={`/${locale}/supporters?verification=${supporter.verification.level}`} safe>
            {verifiedLabel(locale, supporter.verification)}
          </a>{' '}
          <span class="note">
            (<a href={`/${locale}/open-data#verification`}>{safeT('detail.verificationHelp')}</a>)
          </span>
        </dd>
        {links.length ? (
          <>
            <dt>{safeT('detail.links')}</dt>
            <dd>
              <ul class="links">
                {links.map((link) => (
                  <li>
                    <a href={link.href} rel="nofollow noopener" safe>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <section aria-labelledby="statement-title">
        <h2 id="statement-title">{safeT('detail.statement')}</h2>
        {supporter.statementHtml ? <div class="statement" lang={supporter.statementLanguage ?? undefined}>{supporter.statementHtml as 'safe'}</div> : <p>{safeT('detail.noStatement')}</p>}
      </section>
      <ContributionGroups locale={locale} groups={contributions} />
      <section aria-labelledby="represent-title">
        <h2 id="represent-title">{safeT('detail.represent.title')}</h2>
        <p>{safeT('detail.represent.body')}</p>
        <p>
          <a class="button" href={`/${locale}/supporters/${encodeURIComponent(supporter.slug)}/claim`}>
            {safeT('detail.represent.link')}
          </a>
        </p>
      </section>
      <p class="meta">
        <a href={`/api/v1/supporters/${encodeURIComponent(supporter.slug)}`}>{safeT('detail.json')}</a>
      </p>
    </Layout>
  );
}
