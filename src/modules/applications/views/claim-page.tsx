import { Honeypot } from '../../../app/html/honeypot.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import { applicationMessages } from '../applications.messages.js';
import { limits } from '../applications.schemas.js';
import { isIntergovernmentalName, registrableDomain } from '../applications.verification.js';
import { Checkbox, ErrorSummary, TextField, type FieldContext } from './form-fields.js';

export interface ClaimPageProps {
  locale: Locale;
  entry: SupporterRow;
  /** The entry already has representatives on the platform: the claim goes to the secretariat with both named. */
  represented: boolean;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** Hidden inputs: the CSRF token and the signed time the form was shown. */
  hiddenFields: string;
  notice?: string | undefined;
}

export const claimFieldNames = ['executiveName', 'executiveEmail', 'contactEmail', 'acceptPrivacy'] as const;

/** Whether the entry is confirmed through diplomatic channels (a note verbale) rather than by its website. */
export function isDiplomaticEntry(entry: Pick<SupporterRow, 'category' | 'name'>): boolean {
  return entry.category === 'state' || (entry.category === 'public-authority' && isIntergovernmentalName(entry.name));
}

/** The request to represent an entry already in the registry. Works without JavaScript, like the join form. */
export function ClaimPage(props: ClaimPageProps): JSX.Element {
  const { locale, entry } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const s = supporterMessages(locale);
  const ctx: FieldContext = { t, values: props.values, errors: props.errors };
  const labels: Record<string, string> = {
    executiveName: t('join.field.executiveName'),
    executiveEmail: t('join.field.executiveEmail'),
    contactEmail: t('join.field.contactEmail'),
    acceptPrivacy: t('claim.field.acceptPrivacy'),
  };
  const domain = entry.website ? registrableDomain(entry.website) : null;
  const country: string = entry.countryCode ? countryName(entry.countryCode, locale) : '—';
  const path = `/supporters/${encodeURIComponent(entry.slug)}/claim`;
  return (
    <Layout locale={locale} title={t('claim.title', { name: entry.name })} path={path} current="supporters" description={t('claim.intro', { name: entry.name })}>
      <p class="breadcrumb">
        <a href={`/${locale}/supporters/${encodeURIComponent(entry.slug)}`}>{safeT('claim.entry.view', { name: entry.name })}</a>
      </p>
      <h1>{safeT('claim.title', { name: entry.name })}</h1>
      <p class="lead">{safeT('claim.intro', { name: entry.name })}</p>
      {props.represented ? (
        <p class="notice" role="note">
          {safeT('claim.represented')}
        </p>
      ) : (
        ''
      )}
      <h2>{safeT('claim.entry')}</h2>
      <dl class="facts">
        <dt>{safeT('join.field.name')}</dt>
        <dd safe>{entry.name}</dd>
        <dt>{safeT('join.field.category')}</dt>
        <dd safe>{s(`category.${(entry.category ?? 'uncategorised') as 'state'}`)}</dd>
        <dt>{safeT('join.field.countryCode')}</dt>
        <dd safe>{country}</dd>
        <dt>{safeT('join.field.website')}</dt>
        <dd safe>{entry.website ?? '—'}</dd>
      </dl>
      <h2>{safeT('join.steps.label')}</h2>
      <ol>
        <li>{safeT('claim.steps.1')}</li>
        <li>{safeT('claim.steps.2')}</li>
        <li>{safeT('claim.steps.3')}</li>
      </ol>
      <h2>{safeT('claim.evidence.title')}</h2>
      <p>{domain ? safeT('claim.evidence.domain', { domain }) : safeT('claim.evidence.noWebsite')}</p>
      {isDiplomaticEntry(entry) ? <p>{safeT('claim.evidence.diplomatic')}</p> : ''}
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary t={t} errors={props.errors} labels={labels} title={t('claim.errors.title')} />
      <form class="form" method="post" action={`/${locale}${path}`} novalidate>
        {props.hiddenFields as 'safe'}
        <fieldset>
          <legend>{safeT('claim.section.people')}</legend>
          <TextField ctx={ctx} name="executiveName" label={labels.executiveName!} required maxlength={limits.personName} autocomplete="name" />
          <TextField
            ctx={ctx}
            name="executiveEmail"
            type="email"
            label={labels.executiveEmail!}
            hint={t('join.field.executiveEmail.hint')}
            required
            maxlength={limits.email}
            autocomplete="email"
          />
          <TextField ctx={ctx} name="contactEmail" type="email" label={labels.contactEmail!} maxlength={limits.email} />
        </fieldset>
        <fieldset>
          <legend>{safeT('join.privacy.title')}</legend>
          <p class="hint">{safeT('claim.privacy.body')}</p>
          <Checkbox ctx={ctx} name="acceptPrivacy" label={labels.acceptPrivacy!} required />
        </fieldset>
        <Honeypot locale={locale} />
        <p>
          <button type="submit">{safeT('claim.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}
