/**
 * The co-chairs' disposition table: every input (private ones included, anonymous ones unnamed), each with its
 * versions and, after the deadline, its own form (outcome and reason, errors beside the field); then the form that
 * publishes the synthesis and the revised text.
 */
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { maxReasonLength, maxSynthesisLength, outcomes } from '../consultations.constants.js';
import type { FormErrors, FormValues } from '../consultations.forms.js';
import { localizedText } from '../consultations.presenters.js';
import type { DispositionTable } from '../consultations.queries.js';
import { consultationsT, Deadline, errorText, InputItem, Notice, Radios, TextArea } from './parts.js';

export interface DispositionsPageProps {
  locale: Locale;
  table: DispositionTable;
  now: Date;
  csrfField: string;
  notice?: string | undefined;
  alert?: string | undefined;
  /** A disposition form sent back: for which input, what was typed, its errors. */
  failed?: { inputId: string; values: FormValues; errors: FormErrors } | undefined;
  conclusion?: { values: FormValues; errors?: FormErrors | undefined } | undefined;
}

export function DispositionsPage(props: DispositionsPageProps): JSX.Element {
  const { locale, table } = props;
  const { consultation, phase } = table;
  const { t, safeT } = consultationsT(locale);
  const title = t('consultations.dispositions.title', { title: localizedText(consultation.title, locale).text });
  const base = `/${locale}/consultations/${consultation.id}`;
  const open = phase === 'closed' || phase === 'concluded';
  const undisposed = table.rows.filter((row) => row.versions.length === 0).length;
  const conclusionValues = props.conclusion?.values ?? {};
  const conclusionError = (field: string) => errorText(locale, props.conclusion?.errors, field);
  return (
    <Layout locale={locale} title={title} path={`/consultations/${consultation.id}/dispositions`}>
      <p class="breadcrumb">
        <a href={base} safe>
          {localizedText(consultation.title, locale).text}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Deadline locale={locale} closesAt={consultation.closesAt} timeZone={consultation.timeZone} phase={phase} now={props.now} />
      <p>{safeT('consultations.dispositions.intro')}</p>
      <Notice message={props.notice} />
      <Notice message={props.alert} error />
      {open ? '' : <p class="note">{safeT('consultations.dispositions.beforeDeadline')}</p>}
      {table.rows.length === 0 ? <p>{safeT('consultations.dispositions.empty')}</p> : <p safe>{t('consultations.dispositions.undisposed', { count: undisposed })}</p>}
      <ol class="plain dispositions">
        {table.rows.map(({ input, versions }) => {
          const latest = versions[versions.length - 1];
          const failed = props.failed?.inputId === input.id ? props.failed : undefined;
          const key = input.id;
          return (
            <li class="disposition-row">
              <ol class="plain">
                <InputItem locale={locale} input={input} />
              </ol>
              <p class="note" safe>
                {input.paragraph === null ? t('consultations.page.general') : t(consultation.kind === 'draft' ? 'consultations.page.paragraph' : 'consultations.page.question', { number: input.paragraph })}
              </p>
              {versions.length ? (
                <ul>
                  {versions.map((v) => (
                    <li safe>
                      {`${t('consultations.dispositions.current', { version: v.version, outcome: t(`consultations.outcome.${v.outcome as 'accepted'}`), state: t(v.published ? 'consultations.dispositions.published' : 'consultations.dispositions.unpublished') })} — ${v.reason}`}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="note">{safeT('consultations.dispositions.missing')}</p>
              )}
              {open ? (
                <form method="post" action={`${base}/inputs/${input.id}/disposition`} class="form" novalidate id={`disposition-${key}`}>
                  {props.csrfField as 'safe'}
                  <Radios
                    id={`outcome-${key}`}
                    name="outcome"
                    legend={t('consultations.dispositions.outcome')}
                    value={failed?.values.outcome ?? latest?.outcome ?? ''}
                    error={errorText(locale, failed?.errors, 'outcome')}
                    options={outcomes.map((o) => [o, t(`consultations.outcome.${o}`)])}
                  />
                  <TextArea id={`reason-${key}`} name="reason" label={t('consultations.dispositions.reason')} value={failed?.values.reason ?? latest?.reason ?? ''} error={errorText(locale, failed?.errors, 'reason')} max={maxReasonLength} rows={2} />
                  <button type="submit">{safeT(latest?.published ? 'consultations.dispositions.saveVersion' : 'consultations.dispositions.save')}</button>
                </form>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ol>
      {phase === 'closed' ? (
        <section aria-labelledby="conclude">
          <h2 id="conclude">{safeT('consultations.conclude.heading')}</h2>
          <form method="post" action={`${base}/synthesis`} class="form" novalidate>
            {props.csrfField as 'safe'}
            <TextArea id="synthesisEn" name="synthesisEn" label={t('consultations.conclude.synthesisEn')} value={conclusionValues.synthesisEn ?? ''} error={conclusionError('synthesisEn')} max={maxSynthesisLength} rows={6} lang="en" />
            <TextArea id="synthesisFr" name="synthesisFr" label={t('consultations.conclude.synthesisFr')} value={conclusionValues.synthesisFr ?? ''} error={conclusionError('synthesisFr')} max={maxSynthesisLength} rows={6} lang="fr" />
            <TextArea
              id="revised"
              name="revised"
              label={t('consultations.conclude.revised')}
              hint={t('consultations.conclude.revised.hint')}
              value={conclusionValues.revised ?? table.paragraphs.map((p) => p.body).join('\n\n')}
              error={conclusionError('revised')}
              max={5_000_000}
              rows={12}
              lang={consultation.language}
            />
            <TextArea id="changes" name="changes" label={t('consultations.conclude.changes')} hint={t('consultations.conclude.changes.hint')} value={conclusionValues.changes ?? ''} error={conclusionError('changes')} max={100_000} rows={4} />
            <button type="submit">{safeT('consultations.conclude.publish')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
