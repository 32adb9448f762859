import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { applicationMessages } from '../applications.messages.js';

/** The secretariat finds any entry (imported or joined here) to edit or withdraw it. */
export function FindSupporterPage(props: { locale: Locale; q: string; rows: SupporterRow[] }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('find.title')} path={`/secretariat/supporters?q=${encodeURIComponent(props.q)}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/applications`}>{safeT('review.back')}</a>
      </p>
      <h1>{safeT('find.title')}</h1>
      <form method="get" action={`/${locale}/secretariat/supporters`} role="search">
        <div class="search-box">
          <label for="find-q" class="visually-hidden">
            {safeT('find.label')}
          </label>
          <input type="search" id="find-q" name="q" value={props.q} />
          <button type="submit">{safeT('find.submit')}</button>
        </div>
      </form>
      {props.q ? (
        props.rows.length ? (
          <ul>
            {props.rows.map((s) => (
              <li>
                {s.status === 'published' ? (
                  <a href={`/${locale}/account/organisations/${s.id}`} safe>
                    {s.name}
                  </a>
                ) : (
                  <span safe>{s.name}</span>
                )}{' '}
                <span class="meta" safe>
                  {`${s.countryCode ? countryName(s.countryCode, locale) : '—'}${s.status === 'withdrawn' ? ` · ${t('status.withdrawn')}` : ''}`}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{safeT('find.none')}</p>
        )
      ) : (
        ''
      )}
    </Layout>
  );
}
