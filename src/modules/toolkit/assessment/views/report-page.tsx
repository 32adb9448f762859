import { PostButton } from '../../../../app/html/post-button.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { assessmentMessages } from '../assessment.messages.js';
import type { GapReport } from '../assessment.report.js';
import type { Assessment } from '../assessment.schemas.js';
import type { ReferenceData } from '../assessment.scoring.js';
import { AssessmentFrame, assessmentBase, formatInstant } from './assessment-frame.js';
import { CoverSection, DifferenceSection, GapsSection, MethodSection, PrinciplesSection } from './report-sections.js';

export interface ReportPageProps {
  locale: Locale;
  csrfField: string;
  assessment: Assessment;
  report: GapReport;
  data: ReferenceData;
  /** Set on a private link's page: its token, when it was last saved, and the notice after saving. */
  saved?: { token: string; savedAt: Date; notice?: string; url: string };
  /** The private link a re-assessment came from: the report offers to save a new version of it. */
  link?: string;
}

/** Step 3: the gap report, printable, with the ways to keep it (files, a private link) and to go on. */
export function ReportPage(props: ReportPageProps): JSX.Element {
  const { locale, assessment, report, data, saved } = props;
  const t = assessmentMessages(locale);
  const safeT = escaping(t);
  const base = assessmentBase(locale);
  const json = JSON.stringify(assessment);
  const label = assessment.current.context.label;
  const date = formatInstant(locale, assessment.current.assessedAt);
  const carry = { assessment: json, ...(props.link ? { link: props.link } : {}) };
  return (
    <AssessmentFrame locale={locale} title={`${saved ? t('saved.title') : t('report.title')} · ${t('title')}`} path={saved ? `/toolkit/assessment/s/${saved.token}` : '/toolkit/assessment'} step={saved ? null : 'report'}>
      <article class="assessment-report">
        <h1>{safeT(saved ? 'saved.title' : 'report.title')}</h1>
        {saved?.notice ? <p class="notice no-print" role="status" safe>{saved.notice}</p> : ''}
        {saved ? (
          <div class="private-link no-print">
            <p>
              <strong>{safeT('saved.link')}</strong>
              {': '}
              <a href={saved.url} rel="noreferrer" safe>{saved.url}</a>
            </p>
            <p safe>{t('saved.savedAt', { date: formatInstant(locale, saved.savedAt) })}</p>
          </div>
        ) : (
          ''
        )}
        <p class="lead" safe>{label ? t('report.for', { label, date }) : t('report.forUnnamed', { date })}</p>
        <p safe>{t('report.summary', { gaps: report.gaps.length, target: report.target })}</p>
        {report.unanswered.length ? <p class="notice" safe>{t('report.unanswered', { codes: report.unanswered.join(', ') })}</p> : ''}
        <DifferenceSection locale={locale} report={report} />
        <PrinciplesSection locale={locale} report={report} />
        <GapsSection locale={locale} report={report} data={data} />
        <CoverSection locale={locale} report={report} data={data} />
        <MethodSection locale={locale} report={report} />
      </article>
      <section class="keep no-print" aria-labelledby="keep-title">
        <h2 id="keep-title">{safeT('report.keep')}</h2>
        <p>{safeT('report.print')}</p>
        <p class="js-only" hidden>
          <button type="button" class="secondary" data-print>
            {safeT('report.printButton')}
          </button>
        </p>
        <div class="actions">
          <PostButton action={`${base}/export.json`} csrfField={props.csrfField} fields={{ assessment: json }} label={t('report.exportJson')} variant="secondary" />
          <PostButton action={`${base}/export.csv`} csrfField={props.csrfField} fields={{ assessment: json }} label={t('report.exportCsv')} variant="secondary" />
          {saved ? (
            <PostButton action={`${base}/questions`} csrfField={props.csrfField} fields={{ step: 'reassess', assessment: json, link: saved.token }} label={t('report.reassess')} variant="secondary" />
          ) : (
            <PostButton action={`${base}/questions`} csrfField={props.csrfField} fields={{ step: 'edit', ...carry }} label={t('report.edit')} variant="secondary" />
          )}
        </div>
        {saved ? (
          <>
            <p>{safeT('saved.delete.hint')}</p>
            <PostButton action={`${base}/s/${saved.token}/delete`} csrfField={props.csrfField} label={t('saved.delete')} variant="danger" />
          </>
        ) : props.link ? (
          <PostButton action={`${base}/s/${props.link}`} csrfField={props.csrfField} fields={{ assessment: json }} label={t('report.saveVersion')} />
        ) : (
          <>
            <p>{safeT('report.save.hint')}</p>
            <PostButton action={`${base}/save`} csrfField={props.csrfField} fields={{ assessment: json }} label={t('report.save')} />
          </>
        )}
      </section>
    </AssessmentFrame>
  );
}
