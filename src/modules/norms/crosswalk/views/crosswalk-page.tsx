/**
 * The crosswalk in one page: a matrix of the nine principles (rows) by the eleven norms (columns), each mark linking
 * to its rationale below, then every link with its rationale and source, grouped by principle. On a phone the matrix
 * scrolls sideways with the principles kept in view; the list below reads as is.
 */
import { Layout } from '../../../../app/html/layout.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { crosswalkMessages } from '../crosswalk.messages.js';
import { linkKey, paragraphOf, type CrosswalkLink, type PrincipleName } from '../crosswalk.models.js';
import { LinkSource, principleLabel, Rationale } from './link-parts.js';

export interface CrosswalkPageProps {
  locale: Locale;
  principles: readonly PrincipleName[];
  norms: ReadonlyArray<{ code: string; paragraph: string }>;
  links: readonly CrosswalkLink[];
}

const anchor = (link: { principleNumber: number; normCode: string }) => `link-${linkKey(link).replace('/', '-')}`;

export function CrosswalkPage({ locale, principles, norms, links }: CrosswalkPageProps): JSX.Element {
  const t = crosswalkMessages(locale);
  const safeT = escaping(t);
  const linked = new Map(links.map((link) => [linkKey(link), link]));
  return (
    <Layout locale={locale} title={t('crosswalk.title')} path="/norms/crosswalk">
      <p class="breadcrumb">
        <a href={`/${locale}/norms`}>{safeT('crosswalk.allNorms')}</a>
      </p>
      <h1>{safeT('crosswalk.title')}</h1>
      <p class="lead">{safeT('crosswalk.intro')}</p>
      {links.length === 0 || principles.length === 0 || norms.length === 0 ? (
        <p>{safeT('crosswalk.empty')}</p>
      ) : (
        <>
          <p class="table-caption" id="crosswalk-matrix">
            {safeT('crosswalk.matrix.caption')}
          </p>
          <p class="meta">{safeT('crosswalk.matrix.scroll')}</p>
          <div class="table-scroll sticky-first" role="region" aria-labelledby="crosswalk-matrix" tabindex="0">
            <table class="crosswalk-matrix" aria-labelledby="crosswalk-matrix">
              <thead>
                <tr>
                  <th scope="col">{safeT('crosswalk.matrix.principle')}</th>
                  {norms.map((norm) => (
                    <th scope="col">
                      <a href={`/${locale}/norms/${norm.code}`} safe>
                        {norm.paragraph}
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {principles.map((principle) => (
                  <tr>
                    <th scope="row">
                      <a href={`/${locale}/principles/${principle.number}`} safe>
                        {principleLabel(locale, principle, principle.number)}
                      </a>
                    </th>
                    {norms.map((norm) => {
                      const link = linked.get(linkKey({ principleNumber: principle.number, normCode: norm.code }));
                      return link ? (
                        <td class="linked">
                          <a href={`#${anchor(link)}`}>
                            <span aria-hidden="true">●</span>
                            <span class="visually-hidden" safe>
                              {t('crosswalk.matrix.linked', { number: principle.number, paragraph: norm.paragraph })}
                            </span>
                          </a>
                        </td>
                      ) : (
                        <td>
                          <span class="visually-hidden">{safeT('crosswalk.matrix.notLinked')}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{safeT('crosswalk.list.title')}</h2>
          {principles.map((principle) => {
            const own = links.filter((link) => link.principleNumber === principle.number);
            return (
              <section aria-labelledby={`principle-${principle.number}`}>
                <h3 id={`principle-${principle.number}`}>
                  <a href={`/${locale}/principles/${principle.number}`} safe>
                    {principleLabel(locale, principle, principle.number)}
                  </a>
                </h3>
                {own.length ? (
                  <ul class="crosswalk-links">
                    {own.map((link) => (
                      <li id={anchor(link)}>
                        <a href={`/${locale}/norms/${link.normCode}`} safe>
                          {t('crosswalk.norm', { paragraph: paragraphOf(link.normCode) })}
                        </a>
                        <Rationale locale={locale} link={link} />
                        <LinkSource locale={locale} link={link} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{safeT('crosswalk.noLinks')}</p>
                )}
              </section>
            );
          })}
          <h2>{safeT('crosswalk.downloads')}</h2>
          <ul>
            <li>
              <a href={`/${locale}/norms/export/crosswalk.csv`}>{safeT('crosswalk.download.crosswalk')}</a>
            </li>
            <li>
              <a href={`/${locale}/norms/export/norms.csv`}>{safeT('crosswalk.download.norms')}</a>
            </li>
            <li>
              <a href={`/${locale}/principles/export/principles.csv`}>{safeT('crosswalk.download.principles')}</a>
            </li>
            <li>
              <a href="/api/v1/crosswalk">{safeT('crosswalk.download.api')}</a>
            </li>
          </ul>
        </>
      )}
    </Layout>
  );
}
