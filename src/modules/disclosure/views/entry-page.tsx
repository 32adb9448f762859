import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import type { PolicyJson } from '../disclosure.schemas.js';
import { dateText, dateTimeText, disclosureT, FreshnessBadges } from './parts.js';

/** A link when the value is a web address, else the text (a `mailto:` or `tel:` stays a link too). */
function Value(props: { value: string }): JSX.Element {
  return /^(https:|mailto:|tel:)/i.test(props.value) ? (
    <a href={props.value} safe>
      {props.value}
    </a>
  ) : (
    <span safe>{props.value}</span>
  );
}

function Values(props: { label: string; values: string[] }): JSX.Element {
  if (props.values.length === 0) return '';
  return (
    <>
      <dt safe>{props.label}</dt>
      {props.values.map((value) => (
        <dd>
          <Value value={value} />
        </dd>
      ))}
    </>
  );
}

/** One organisation's entry: its policy links, what its security.txt says, its keys, and how fresh all that is. */
export function EntryPage(props: { locale: Locale; entry: PolicyJson }): JSX.Element {
  const { locale, entry } = props;
  const { t, safeT } = disclosureT(locale);
  const txt = entry.securityTxt;
  return (
    <Layout locale={locale} title={t('disclosure.entry.title', { name: entry.supporter.name })} path={entry.path}>
      <p class="breadcrumb">
        <a href={`/${locale}/disclosure`}>{safeT('disclosure.title')}</a>
      </p>
      <h1 safe>{t('disclosure.entry.title', { name: entry.supporter.name })}</h1>
      <p>
        <a href={`/${locale}/supporters/${entry.supporter.slug}`} safe>
          {t('disclosure.entry.registry', { name: entry.supporter.name })}
        </a>
        {entry.supporter.country ? <span class="meta" safe>{` · ${countryName(entry.supporter.country, locale)}`}</span> : ''}
      </p>
      <h2>{safeT('disclosure.entry.freshness')}</h2>
      <p>
        <FreshnessBadges locale={locale} freshness={entry.freshness} />
      </p>
      <dl>
        <dt>{safeT('disclosure.entry.url')}</dt>
        <dd>{entry.securityTxtUrl ? <Value value={entry.securityTxtUrl} /> : safeT('disclosure.entry.uploadedOnly')}</dd>
        <dt>{safeT('disclosure.column.fetched')}</dt>
        <dd safe>{dateTimeText(locale, entry.freshness.lastFetchedAt)}</dd>
        <dt>{safeT('disclosure.entry.changed')}</dt>
        <dd safe>{dateTimeText(locale, entry.freshness.lastChangedAt)}</dd>
        <dt>{safeT('disclosure.column.expires')}</dt>
        <dd safe>{dateTimeText(locale, entry.freshness.expiresAt)}</dd>
      </dl>
      <h2>{safeT('disclosure.entry.policies')}</h2>
      {entry.policyUrls.length || txt?.policy.length ? (
        <ul>
          {[...new Set([...entry.policyUrls, ...(txt?.policy ?? [])])].map((url) => (
            <li>
              <Value value={url} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{safeT('disclosure.entry.noPolicy')}</p>
      )}
      <h2>{safeT('disclosure.entry.securityTxt')}</h2>
      {txt ? (
        <>
          <p safe>{t(`disclosure.signature.${txt.signed ? txt.signature : 'unsigned'}`)}</p>
          <dl>
            <Values label={t('disclosure.field.contact')} values={txt.contact} />
            <Values label={t('disclosure.field.encryption')} values={txt.encryption} />
            <Values label={t('disclosure.field.acknowledgments')} values={txt.acknowledgments} />
            <Values label={t('disclosure.field.preferredLanguages')} values={txt.preferredLanguages.length ? [txt.preferredLanguages.join(', ')] : []} />
            <Values label={t('disclosure.field.canonical')} values={txt.canonical} />
            <Values label={t('disclosure.field.hiring')} values={txt.hiring} />
            <Values label={t('disclosure.field.csaf')} values={txt.csaf} />
          </dl>
        </>
      ) : (
        <p>{safeT('disclosure.entry.noSecurityTxt')}</p>
      )}
      {entry.problems.length ? (
        <>
          <h3>{safeT('disclosure.entry.problems')}</h3>
          <ul>
            {entry.problems.map((p) => (
              <li safe>{t('disclosure.entry.problem', { line: p.line, problem: t(`disclosure.problem.${p.code}` as 'disclosure.problem.expired') })}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2>{safeT('disclosure.entry.keys')}</h2>
      {entry.contactKeys.length ? (
        <ul>
          {entry.contactKeys.map((key) => (
            <li>
              <code safe>{key.fingerprint}</code>{' '}
              <span class="meta" safe>
                {t('disclosure.key.meta', { algorithm: key.algorithm, created: dateText(locale, key.createdAt), expires: key.expiresAt ? dateText(locale, key.expiresAt) : t('disclosure.key.noExpiry') })}
              </span>
              {key.expired ? <span class="badge badge-warning">{safeT('disclosure.flag.keyExpired')}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{safeT('disclosure.entry.noKeys')}</p>
      )}
      <p>
        <a href={`/api/v1/disclosure-policies/${entry.supporter.slug}`}>{safeT('disclosure.data.entryApi')}</a>
      </p>
    </Layout>
  );
}
