/** The secretariat's page: NCISS weights and bands (saved as a new version), and each crosswalk row as its own form. */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { Crosswalk } from '../incidents.crosswalk.js';
import { incidentsMessages } from '../incidents.messages.js';
import { ncissCategories, type NcissConfig } from '../incidents.nciss.js';
import { nisImpactKeys, nisRootCauses } from '../incidents.nis.js';
import { impactName, rootCauseName } from '../incidents.presenters.js';
import { rsitClasses } from '../incidents.rsit.js';
import { Checkboxes, Select, TextInput } from './controls.js';
import { CrosswalkTable } from './frames-page.js';

export interface AdminPageProps {
  locale: Locale;
  csrfField: string;
  version: number;
  /** The configuration shown in the form (what was typed, after an error). */
  values: Record<string, string>;
  errors: Record<string, string>;
  crosswalk: Crosswalk;
  edited: Set<string>;
  notice?: string | undefined;
}

export function AdminPage(props: AdminPageProps): JSX.Element {
  const { locale } = props;
  const t = incidentsMessages(locale);
  const safeT = escaping(t);
  const action = `/${locale}/secretariat/incidents`;
  const reason = (id: string) => <TextInput name="reason" id={id} label={t('admin.reason')} value="" />;
  return (
    <Layout locale={locale} title={t('admin.title')} path="/secretariat/incidents" current="secretariat">
      <h1>{safeT('admin.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <h2>{safeT('admin.scoring')}</h2>
      <p>{safeT('admin.scoringIntro')}</p>
      <p safe>{t('admin.version', { version: props.version })}</p>
      {Object.keys(props.errors).length ? (
        <p class="notice error" role="alert">
          {Object.values(props.errors).map((e) => (
            <span safe>{e} </span>
          ))}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`${action}/scoring`}>
        {props.csrfField as 'safe'}
        <fieldset>
          <legend>{safeT('reference.weight')}</legend>
          {ncissCategories.map((c) => (
            <TextInput name={`weight.${c.key}`} label={c.label[locale]} value={props.values[`weight.${c.key}`] ?? ''} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{safeT('admin.scoring')}</legend>
          {([5, 4, 3, 2, 1] as const).map((level) => (
            <TextInput name={`band.${level}`} label={t(`admin.band.${level}`)} value={props.values[`band.${level}`] ?? ''} />
          ))}
        </fieldset>
        <button type="submit">{safeT('admin.saveScoring')}</button>
      </form>

      <h2>{safeT('reference.crosswalk')}</h2>
      <p>{safeT('admin.crosswalkIntro')}</p>
      <CrosswalkTable locale={locale} crosswalk={props.crosswalk} edited={props.edited} />
      {props.crosswalk.levels.map((row) => (
        <form method="post" action={`${action}/crosswalk`} class="crosswalk-row">
          {props.csrfField as 'safe'}
          <input type="hidden" name="key" value={`level:${row.level}`} />
          <fieldset>
            <legend safe>{row.name[locale]}</legend>
            <Select name="ncissLevel" id={`ncissLevel-${row.level}`} label="NCISS" options={[0, 1, 2, 3, 4, 5].map((l) => [String(l), String(l)] as const)} value={String(row.ncissLevel)} choose={t('form.choose')} />
            <Select name="ncscCategory" id={`ncscCategory-${row.level}`} label="NCSC" options={[1, 2, 3, 4, 5, 6].map((c) => [String(c), `C${c}`] as const)} value={String(row.ncscCategory)} choose={t('form.choose')} />
            <Checkboxes name="euImpact" id={`euImpact-${row.level}`} legend={t('reference.euImpact')} options={nisImpactKeys.map((k) => [k, impactName(k, locale)] as const)} values={row.euImpact} />
            <TextInput name="urgencyEn" id={`urgencyEn-${row.level}`} label={`${t('reference.urgency')} (English)`} value={row.urgency.en} />
            <TextInput name="urgencyFr" id={`urgencyFr-${row.level}`} label={`${t('reference.urgency')} (français)`} value={row.urgency.fr} />
            {reason(`reason-level-${row.level}`)}
            <button type="submit">{safeT('admin.saveRow')}</button>
          </fieldset>
        </form>
      ))}
      {props.crosswalk.rootCauses.map((row) => (
        <form method="post" action={`${action}/crosswalk`} class="crosswalk-row">
          {props.csrfField as 'safe'}
          <input type="hidden" name="key" value={`root-cause:${row.rsitClass}`} />
          <fieldset>
            <legend>{rsitClasses.find((c) => c.key === row.rsitClass)?.label[locale] ?? row.rsitClass}</legend>
            <Select name="rootCause" id={`rootCause-${row.rsitClass}`} label={t('frames.rootCause')} options={nisRootCauses.map((c) => [c, rootCauseName(c, locale)] as const)} value={row.rootCause ?? ''} choose="—" />
            <button type="submit">{safeT('admin.saveRow')}</button>
          </fieldset>
        </form>
      ))}
    </Layout>
  );
}
