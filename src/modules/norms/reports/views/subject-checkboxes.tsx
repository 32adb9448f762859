/** The norms and principles as two groups of checkboxes (`subject`), each with what a new section would start from. */
import { describedBy, FieldError } from '../../../../app/html/field.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { SubjectLabels } from '../reports.labels.js';
import { parseSubject, type Subject } from '../reports.models.js';
import { reportsT } from './report-parts.js';

export interface SubjectOption {
  subject: Subject;
  /** What a new section on it would be pre-filled from, already worded ("in your 2024 report, 2 practices"). */
  hint?: string;
}

export function SubjectCheckboxes(props: { locale: Locale; labels: SubjectLabels; options: SubjectOption[]; checked: readonly string[]; error?: string | undefined; legend: string; hint?: string }): JSX.Element {
  const { safeT } = reportsT(props.locale);
  const groups = [
    { kind: 'norm', heading: 'reports.subject.norms' },
    { kind: 'principle', heading: 'reports.subject.principles' },
  ] as const;
  return (
    <fieldset class="check-group" aria-describedby={describedBy('subject', Boolean(props.hint), Boolean(props.error))}>
      <legend safe>{props.legend}</legend>
      {props.hint ? (
        <span class="hint" id="subject-hint" safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      <FieldError name="subject" message={props.error} />
      {groups.map((group) => {
        const options = props.options.filter((o) => parseSubject(o.subject).kind === group.kind);
        if (options.length === 0) return '';
        return (
          <>
            <p class="side-label">{safeT(group.heading)}</p>
            {options.map((option) => {
              const id = `subject-${option.subject.replace(':', '-')}`;
              return (
                <div class="check">
                  <input type="checkbox" id={id} name="subject" value={option.subject} checked={props.checked.includes(option.subject)} />
                  <label for={id}>
                    <span safe>{props.labels.get(option.subject)?.title ?? option.subject}</span>
                    {option.hint ? <span class="hint" safe>{` (${option.hint})`}</span> : ''}
                  </label>
                </div>
              );
            })}
          </>
        );
      })}
    </fieldset>
  );
}
