import { FieldError } from '../../../../app/html/field.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { groupsOf } from '../../toolkit.applicability.js';
import { profileOf, type Applicability } from '../assessment.profile.js';
import { assessmentLimits, maturityLevels, notApplicable } from '../assessment.constants.js';
import type { AnswerValues, FieldErrors } from '../assessment.forms.js';
import { assessmentMessages, type AssessmentKey } from '../assessment.messages.js';
import type { StepState } from '../assessment.schemas.js';
import type { ReferenceAction } from '../assessment.scoring.js';
import { AssessmentFrame, assessmentBase, ErrorSummary } from './assessment-frame.js';

export interface QuestionsPageProps {
  locale: Locale;
  csrfField: string;
  state: StepState;
  actions: ReferenceAction[];
  applicability: Map<string, Applicability>;
  values?: AnswerValues;
  errors?: FieldErrors;
  /** The private link this assessment came from, kept so the report can save a new version of it. */
  link?: string;
}

/** Step 2: one question per applicable action, its level (0–5 or n/a with a reason) and evidence links. */
export function QuestionsPage(props: QuestionsPageProps): JSX.Element {
  const { locale, state } = props;
  const t = assessmentMessages(locale);
  const safeT = escaping(t);
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const applicable = props.actions.filter((a) => props.applicability.get(a.code)?.applies);
  const others = props.actions.filter((a) => !props.applicability.get(a.code)?.applies);
  const columns = groupsOf(profileOf(state.context)).map((c) => t(`stakeholder.${c}`));
  const levels = [...maturityLevels.map(String), notApplicable];
  return (
    <AssessmentFrame locale={locale} title={`${t('step.questions')} · ${t('title')}`} path="/toolkit/assessment" step="questions">
      <h1>{safeT('step.questions')}</h1>
      <p class="lead">{safeT('questions.intro', { applicable: applicable.length })}</p>
      <ErrorSummary locale={locale} errors={errors} />
      <form class="form questions" method="post" action={`${assessmentBase(locale)}/report`} novalidate data-assessment-form="questions">
        {props.csrfField as 'safe'}
        <input type="hidden" name="state" value={JSON.stringify(state)} />
        {props.link ? <input type="hidden" name="link" value={props.link} /> : ''}
        {applicable.map((action) => {
          const code = action.code;
          const typed = values[code] ?? { level: '', justification: '', evidence: '' };
          const reasons = (props.applicability.get(code)?.reasons ?? []).filter((r) => r.met);
          const levelError = errors[`level-${code}`];
          return (
            <fieldset class="question" id={`question-${code}`}>
              <legend>
                <span class="code" safe>{code}</span> <span safe>{t(`question.${code}` as AssessmentKey)}</span>
              </legend>
              <p class="hint">
                {safeT('questions.actionTitle', { code })}{' '}
                <span lang="en" safe>
                  {action.title}
                </span>
              </p>
              {reasons.length ? (
                <p class="hint">
                  {safeT('questions.why')}
                  {': '}
                  {reasons.map((r, i) => (
                    <>
                      {i ? '; ' : ''}
                      <span safe>{t(`stakeholder.${r.stakeholder}`)}</span>
                      {r.condition ? <span lang="en" safe>{` (${r.condition})`}</span> : ''}
                    </>
                  ))}
                </p>
              ) : (
                ''
              )}
              <fieldset id={`level-${code}`} class="levels">
                <legend>{safeT('questions.level')}</legend>
                {levels.map((level) => (
                  <div class="check">
                    <input
                      type="radio"
                      name={`level-${code}`}
                      id={`level-${code}-${level === notApplicable ? 'na' : level}`}
                      value={level}
                      checked={typed.level === level}
                      aria-describedby={levelError ? `level-${code}-error` : undefined}
                    />
                    <label for={`level-${code}-${level === notApplicable ? 'na' : level}`}>{safeT(`level.${level}` as AssessmentKey)}</label>
                  </div>
                ))}
                <FieldError name={`level-${code}`} message={levelError} />
              </fieldset>
              <div class="field">
                <label for={`justification-${code}`}>{safeT('questions.justification')}</label>
                <textarea
                  id={`justification-${code}`}
                  name={`justification-${code}`}
                  rows="2"
                  maxlength={String(assessmentLimits.justificationLength)}
                  aria-describedby={errors[`justification-${code}`] ? `justification-${code}-error` : undefined}
                  aria-invalid={errors[`justification-${code}`] ? 'true' : undefined}
                  safe
                >
                  {typed.justification}
                </textarea>
                <FieldError name={`justification-${code}`} message={errors[`justification-${code}`]} />
              </div>
              <div class="field">
                <label for={`evidence-${code}`}>{safeT('questions.evidence')}</label>
                <span class="hint" id={`evidence-${code}-hint`}>
                  {safeT('questions.evidence.hint', { max: assessmentLimits.evidenceLinks })}
                </span>
                <textarea
                  id={`evidence-${code}`}
                  name={`evidence-${code}`}
                  rows="2"
                  aria-describedby={[`evidence-${code}-hint`, errors[`evidence-${code}`] ? `evidence-${code}-error` : ''].filter(Boolean).join(' ')}
                  aria-invalid={errors[`evidence-${code}`] ? 'true' : undefined}
                  safe
                >
                  {typed.evidence}
                </textarea>
                <FieldError name={`evidence-${code}`} message={errors[`evidence-${code}`]} />
              </div>
            </fieldset>
          );
        })}
        {others.length ? (
          <details class="not-applicable">
            <summary>{safeT('questions.notApplicableList')}</summary>
            <p>{safeT('questions.notApplicableWhy', { columns: columns.join(', ') || t('stakeholder.none') })}</p>
            <ul>
              {others.map((a) => (
                <li>
                  <span safe>{`${a.code}: `}</span>
                  <span safe>{t(`question.${a.code}` as AssessmentKey)}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : (
          ''
        )}
        <div class="actions">
          <button type="submit">{safeT('questions.submit')}</button>
          <button type="submit" class="secondary" formaction={assessmentBase(locale)} name="step" value="back">
            {safeT('questions.back')}
          </button>
        </div>
      </form>
    </AssessmentFrame>
  );
}
