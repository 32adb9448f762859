import { RelatedWorkList } from '../../../app/html/related-work-list.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { RelatedWork } from '../../../app/related.js';
import { normsMessages } from '../norms.messages.js';
import type { NormRow } from '../norms.repository.js';

/** The UN English is the reference text on every page; the G7's French is shown beside it on French pages, as the G7's. */
export function NormsPage({ locale, norms }: { locale: Locale; norms: NormRow[] }): JSX.Element {
  const t = normsMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('norms.title')} path="/norms">
      <h1>{safeT('norms.title')}</h1>
      {norms.length === 0 ? (
        <p>{safeT('norms.empty')}</p>
      ) : (
        <>
          <p class="lead">{safeT('norms.intro')}</p>
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
        </>
      )}
    </Layout>
  );
}

export function NormPage({ locale, norm, related }: { locale: Locale; norm: NormRow; related: readonly RelatedWork[] }): JSX.Element {
  const t = normsMessages(locale);
  const safeT = escaping(t);
  const title = t('norms.open', { paragraph: norm.paragraph });
  return (
    <Layout locale={locale} title={title} path={`/norms/${norm.code}`}>
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
      </section>
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
