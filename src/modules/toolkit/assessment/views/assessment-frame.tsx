/**
 * What every assessment page shares: the layout with the enhancement script, no indexing, and the steps (the current
 * one marked), and how a level or a date reads.
 */
import type { Children } from '@kitajs/html';
import { Layout } from '../../../../app/html/layout.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { toolkitMessages } from '../../toolkit.messages.js';
import { notApplicable } from '../assessment.constants.js';
import { assessmentMessages } from '../assessment.messages.js';
import type { Level } from '../assessment.schemas.js';

export const assessmentBase = (locale: Locale) => `/${locale}/toolkit/assessment`;

export function AssessmentFrame(props: { locale: Locale; title: string; path: string; step: 'context' | 'questions' | 'report' | null; children: Children }): JSX.Element {
  const t = assessmentMessages(props.locale);
  const safeT = escaping(t);
  const safeToolkit = escaping(toolkitMessages(props.locale));
  const steps = ['context', 'questions', 'report'] as const;
  return (
    <Layout locale={props.locale} title={props.title} path={props.path} scripts={['assessment']} head={'<meta name="robots" content="noindex">'}>
      <p class="no-print">
        <a href={`/${props.locale}/toolkit`}>{safeToolkit('toolkit.title')}</a>
      </p>
      {props.step ? (
        <nav aria-label={t('steps.label')} class="steps no-print">
          <ol>
            {steps.map((step) => (
              <li aria-current={step === props.step ? 'step' : undefined}>{safeT(`step.${step}`)}</li>
            ))}
          </ol>
        </nav>
      ) : (
        ''
      )}
      {props.children}
    </Layout>
  );
}

/** A level as a short figure (`3`, `n/a`, `not answered`). */
export function levelShort(locale: Locale, level: Level | null | undefined): string {
  const t = assessmentMessages(locale);
  if (level === null || level === undefined) return t('level.short.none');
  return level === notApplicable ? t('level.short.n/a') : String(level);
}

/** An instant as a long date in the page's language. */
export function formatInstant(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}

/** The errors listed at the top of a form, each linking to its field. */
export function ErrorSummary(props: { locale: Locale; errors: Record<string, string> }): JSX.Element {
  const entries = Object.entries(props.errors);
  const safeSummary = escaping(assessmentMessages(props.locale));
  if (entries.length === 0) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <h2>{safeSummary('error.summary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`} safe>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
