import { Field } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { PracticesMessageKey } from '../practices.messages.js';
import { diffContents } from '../practices.presenters.js';
import type { Framework, ManagedPractice } from '../practices.queries.js';
import type { RevisionRow } from '../practices.repository.js';
import type { PracticeContent } from '../practices.tables.js';
import { Description } from './description.js';
import { DiffTable } from './diff-table.js';
import { PracticeFacts, practicesT, titleOf } from './practice-parts.js';

export interface ReviewPageProps {
  locale: Locale;
  review: ManagedPractice & { submitted: RevisionRow | undefined; published: PracticeContent | null };
  framework: Framework;
  csrfField: string;
  reason?: string;
  reasonError?: string | undefined;
  alert?: string | undefined;
}

/** One submitted revision: what changes from the published version, the content as it would be shown, the decisions. */
export function ReviewPage(props: ReviewPageProps): JSX.Element {
  const { locale, review, framework } = props;
  const { practice, submitted, published } = review;
  const { t, safeT } = practicesT(locale);
  const content = submitted?.content ?? review.current;
  const title = t('review.title', { title: content ? titleOf(content, locale) : practice.id });
  const base = `/${locale}/secretariat/practices/${practice.id}`;
  return (
    <Layout locale={locale} title={title} path={`/secretariat/practices/${practice.id}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/practices`}>{safeT('review.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t('review.organisation', { name: review.organisation?.name ?? '' })}</p>
      <p>
        <a href={`/${locale}/account/practices/${practice.id}`}>{safeT('review.manage')}</a>
      </p>
      {props.alert ? (
        <p class="notice" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      {!submitted ? (
        <p class="notice">{safeT('review.noSubmission')}</p>
      ) : (
        <>
          <p class="meta" safe>
            {t('review.version', { number: submitted.number, state: t(`revision.state.${submitted.state}` as PracticesMessageKey) })}
          </p>
          {submitted.changeNote ? <p safe>{t('review.changeNote', { note: submitted.changeNote })}</p> : ''}
          <section aria-labelledby="changes">
            <h2 id="changes">{safeT('review.changes')}</h2>
            {published ? '' : <p>{safeT('history.first')}</p>}
            <DiffTable locale={locale} diffs={diffContents(published, submitted.content, locale, framework)} />
          </section>
          <section aria-labelledby="content">
            <h2 id="content">{safeT('review.content')}</h2>
            <h3 safe>{titleOf(submitted.content, locale)}</h3>
            <Description locale={locale} content={submitted.content} />
            <PracticeFacts locale={locale} practiceId={practice.id} content={submitted.content} framework={framework} organisation={review.organisation} />
          </section>
          <section aria-labelledby="decide">
            <h2 id="decide">{safeT('review.decide')}</h2>
            <form class="form" method="post" action={`${base}/publish`}>
              {props.csrfField as 'safe'}
              <input type="hidden" name="revision" value={String(submitted.number)} />
              <button type="submit">{safeT('review.publish')}</button>
            </form>
            <form class="form" method="post" action={`${base}/request-information`}>
              {props.csrfField as 'safe'}
              <input type="hidden" name="revision" value={String(submitted.number)} />
              <Field name="reason" label={t('review.reason')} hint={t('review.reason.hint')} error={props.reasonError}>
                <textarea id="reason" name="reason" rows="4" aria-describedby={props.reasonError ? 'reason-hint reason-error' : 'reason-hint'} safe>
                  {props.reason ?? ''}
                </textarea>
              </Field>
              <div class="actions">
                <button type="submit" class="secondary">
                  {safeT('review.requestInfo')}
                </button>
                <button type="submit" class="danger" formaction={`${base}/reject`}>
                  {safeT('review.reject')}
                </button>
              </div>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}
