/**
 * A consultation's page: its text with each paragraph's anchor (`#p-3`), the inputs the reader may see under each
 * paragraph, a comment form per paragraph while it is open (for those who may comment), the deadline in its zone,
 * and for the co-chairs the opening button and the way to the disposition table.
 */
import { Layout } from '../../../app/html/layout.js';
import { PostButton } from '../../../app/html/post-button.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { FormErrors, FormValues } from '../consultations.forms.js';
import { localizedText } from '../consultations.presenters.js';
import type { ConsultationView } from '../consultations.queries.js';
import { CommentForm } from './comment-form.js';
import { consultationsT, Deadline, DispositionDownloads, InputItem, Notice } from './parts.js';

export interface ConsultationPageProps {
  locale: Locale;
  view: ConsultationView;
  now: Date;
  csrfField: string;
  signedIn: boolean;
  notice?: string | undefined;
  alert?: string | undefined;
  /** The form sent back with its errors: which paragraph's (null: the general one), what was typed. */
  failed?: { paragraph: number | null; values: FormValues; errors: FormErrors } | undefined;
}

export function ConsultationPage(props: ConsultationPageProps): JSX.Element {
  const { locale, view, now } = props;
  const { consultation, group, phase } = view;
  const { t, safeT } = consultationsT(locale);
  const title = localizedText(consultation.title, locale);
  const intro = localizedText(consultation.introduction, locale);
  const base = `/${locale}/consultations/${consultation.id}`;
  const unit = consultation.kind === 'draft' ? 'consultations.page.paragraph' : 'consultations.page.question';
  const byParagraph = new Map<number | null, typeof view.inputs>();
  for (const input of view.inputs) byParagraph.set(input.paragraph, [...(byParagraph.get(input.paragraph) ?? []), input]);
  const outcomeLabels = new Map<string, string>();
  const outcomeOf = (inputId: string) => {
    const outcome = view.outcomes.get(inputId);
    if (!outcome) return undefined;
    if (!outcomeLabels.has(outcome)) outcomeLabels.set(outcome, t(`consultations.outcome.${outcome as 'accepted'}`));
    return outcomeLabels.get(outcome);
  };
  const inputsList = (paragraph: number | null) => {
    const inputs = byParagraph.get(paragraph) ?? [];
    return (
      <div class="inputs">
        <p class="note" safe>{t('consultations.page.inputs', { count: inputs.length })}</p>
        {inputs.length ? (
          <ol class="plain">
            {inputs.map((input) => (
              <InputItem locale={locale} input={input} outcome={outcomeOf(input.id)} dispositionHref={`${base}/synthesis#disposition-${input.number}`} />
            ))}
          </ol>
        ) : (
          ''
        )}
      </div>
    );
  };
  const form = (paragraph: number | null, heading: string) =>
    view.canComment ? (
      <CommentForm
        locale={locale}
        action={`${base}/inputs#${paragraph === null ? 'general' : `p-${paragraph}`}`}
        csrfField={props.csrfField}
        paragraph={paragraph}
        heading={t('consultations.form.heading', { what: heading })}
        organisations={view.organisations}
        values={props.failed?.paragraph === paragraph ? props.failed.values : undefined}
        errors={props.failed?.paragraph === paragraph ? props.failed.errors : undefined}
      />
    ) : (
      ''
    );
  return (
    <Layout locale={locale} title={title.text} path={`/consultations/${consultation.id}`}>
      <p class="breadcrumb">
        <a href={`/${locale}/consultations`}>{safeT('consultations.list.title')}</a>
      </p>
      <h1 lang={title.lang === locale ? undefined : title.lang} safe>
        {title.text}
      </h1>
      <p>
        <span class="badge" safe>{t(`consultations.phase.${phase}`)}</span>{' '}
        <a href={`/${locale}/groups/${group.slug}`} safe>
          {t('consultations.page.group', { group: localizedText(group.name, locale).text })}
        </a>
      </p>
      <Deadline locale={locale} closesAt={consultation.closesAt} timeZone={consultation.timeZone} phase={phase} now={now} />
      <p safe>{t('consultations.page.audience', { audience: t(`consultations.audience.${consultation.audience as 'public'}`) })}</p>
      <Notice message={props.notice} />
      <Notice message={props.alert} error />
      {intro.text ? (
        <p lang={intro.lang === locale ? undefined : intro.lang} class="lead" safe>
          {intro.text}
        </p>
      ) : (
        ''
      )}
      {phase === 'concluded' ? (
        <p>
          <a href={`${base}/synthesis`}>{safeT('consultations.page.synthesisLink')}</a>
        </p>
      ) : (
        ''
      )}
      {view.coChair ? (
        <section aria-labelledby="co-chairs">
          <h2 id="co-chairs">{safeT('consultations.page.coChairs')}</h2>
          {phase === 'draft' ? (
            <>
              <p class="note">{safeT('consultations.page.openHint')}</p>
              <PostButton action={`${base}/open`} csrfField={props.csrfField} label={t('consultations.page.open')} />
            </>
          ) : (
            <p>
              <a href={`${base}/dispositions`}>{safeT('consultations.page.dispositionsLink')}</a>
            </p>
          )}
        </section>
      ) : (
        ''
      )}
      {phase === 'open' && !view.canComment ? (
        props.signedIn ? (
          <p class="note">{safeT('consultations.page.notAudience')}</p>
        ) : (
          <p>
            <a href={`/${locale}/sign-in?next=${encodeURIComponent(`${base}`)}`}>{safeT('consultations.page.signIn')}</a>
          </p>
        )
      ) : (
        ''
      )}
      <h2 safe>{t(consultation.kind === 'draft' ? 'consultations.page.text' : 'consultations.page.questions')}</h2>
      {view.paragraphs.map((paragraph) => (
        <section id={`p-${paragraph.number}`} class="consultation-paragraph" aria-labelledby={`p-${paragraph.number}-heading`}>
          <h3 id={`p-${paragraph.number}-heading`}>
            <a href={`#p-${paragraph.number}`} safe>
              {t(unit, { number: paragraph.number })}
            </a>
          </h3>
          <p lang={consultation.language === locale ? undefined : consultation.language} class="paragraph-body" safe>
            {paragraph.body}
          </p>
          {inputsList(paragraph.number)}
          {form(paragraph.number, t(unit, { number: paragraph.number }))}
        </section>
      ))}
      <section id="general" aria-labelledby="general-heading">
        <h2 id="general-heading">{safeT('consultations.page.general')}</h2>
        {inputsList(null)}
        {form(null, t('consultations.page.general'))}
      </section>
      <section aria-labelledby="exports">
        <h2 id="exports">{safeT('consultations.page.exports')}</h2>
        <DispositionDownloads consultationId={consultation.id} locale={locale} withInputs />
      </section>
    </Layout>
  );
}
