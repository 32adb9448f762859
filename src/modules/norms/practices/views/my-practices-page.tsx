import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { PracticesMessageKey } from '../practices.messages.js';
import type { PracticeSummary, RepresentedOrganisation } from '../practices.queries.js';
import { practicesT, titleOf } from './practice-parts.js';

/** The practices of the organisations one represents, each with where it stands in the library and in moderation. */
export function MyPracticesPage(props: { locale: Locale; organisations: RepresentedOrganisation[]; practices: PracticeSummary[]; notice?: string | undefined }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = practicesT(locale);
  const writable = props.organisations.some((o) => o.mayWrite);
  return (
    <Layout locale={locale} title={t('mine.title')} path="/account/practices" current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account`}>{safeT('account.title')}</a>
      </p>
      <h1>{safeT('mine.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <p class="lead">{safeT('mine.intro')}</p>
      {props.organisations.length === 0 ? <p>{safeT('mine.noOrganisation')}</p> : ''}
      {writable ? (
        <p>
          <a class="button" href={`/${locale}/account/practices/new`}>
            {safeT('mine.new')}
          </a>
        </p>
      ) : props.organisations.length ? (
        <p class="notice">{safeT('form.noOrganisation')}</p>
      ) : (
        ''
      )}
      {props.practices.length === 0 ? (
        <p>{safeT('mine.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{safeT('mine.practice')}</th>
                <th scope="col">{safeT('mine.organisation')}</th>
                <th scope="col">{safeT('mine.state')}</th>
                <th scope="col">{safeT('mine.revision')}</th>
              </tr>
            </thead>
            <tbody>
              {props.practices.map(({ practice, organisation, latest }) => {
                const title = latest ? titleOf(latest.content, locale) : '';
                const version = latest ? `${t('manage.version', { number: latest.number })}: ${t(`revision.state.${latest.state}` as PracticesMessageKey)}` : '';
                return (
                  <tr>
                    <td>
                      <a href={`/${locale}/account/practices/${practice.id}`} safe>
                        {title || t('mine.untitled', { id: practice.id })}
                      </a>
                    </td>
                    <td safe>{organisation?.name ?? ''}</td>
                    <td safe>{t(`practice.state.${practice.state}` as PracticesMessageKey)}</td>
                    <td safe>{version}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
