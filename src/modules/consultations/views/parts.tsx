/**
 * Pieces the consultation pages share: the translator, notices, form controls whose ids differ from their names (a
 * page holds one comment form per paragraph, one disposition form per input), the deadline line, an input.
 */
import type { Children } from '@kitajs/html';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { Phase } from '../consultations.constants.js';
import type { FormErrors, FormValues } from '../consultations.forms.js';
import { consultationsMessages } from '../consultations.messages.js';
import { deadlineText } from '../consultations.presenters.js';
import type { ShownInput } from '../consultations.queries.js';
import { remaining } from '../consultations.time.js';

export const consultationsT = (locale: Locale) => {
  const t = consultationsMessages(locale);
  return { t, safeT: escaping(t) };
};

const marker = '\u0001';
const templates = new Map<string, string[]>();

/**
 * A message with one plain `{name}` argument, formatted once per language and filled by splicing (a page lists
 * thousands of inputs: formatting each label anew would cost more than the rest of the page).
 */
export function fill(locale: Locale, key: 'consultations.page.input' | 'consultations.page.by' | 'consultations.page.for' | 'consultations.page.disposition', name: string, value: string | number): string {
  const cacheKey = `${locale}:${key}`;
  let parts = templates.get(cacheKey);
  if (!parts) {
    parts = consultationsMessages(locale)(key, { [name]: marker }).split(marker);
    templates.set(cacheKey, parts);
  }
  return parts.join(String(value));
}

export function errorText(locale: Locale, errors: FormErrors | undefined, field: string): string | undefined {
  const problem = errors?.[field];
  return problem ? consultationsMessages(locale)(problem.key, problem.values) : undefined;
}

export function Notice(props: { message?: string | undefined; error?: boolean }): JSX.Element {
  if (!props.message) return '';
  return props.error ? (
    <p class="error-summary" role="alert" safe>
      {props.message}
    </p>
  ) : (
    <p class="notice" role="status" safe>
      {props.message}
    </p>
  );
}

interface ControlProps {
  /** The element's id (unique in the page); hint and error ids derive from it. */
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
}
const describedBy = (p: ControlProps) => [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Frame(props: ControlProps & { children: Children }): JSX.Element {
  return (
    <div class="field">
      <label for={props.id} safe>
        {props.label}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`} safe>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {props.children}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function TextArea(props: ControlProps & { rows?: number; max: number; lang?: string }): JSX.Element {
  return (
    <Frame {...props}>
      <textarea id={props.id} name={props.name} rows={String(props.rows ?? 4)} maxlength={props.max} lang={props.lang} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(props)} safe>
        {props.value}
      </textarea>
    </Frame>
  );
}

export function TextInput(props: ControlProps & { max: number; type?: string; lang?: string }): JSX.Element {
  return (
    <Frame {...props}>
      <input type={props.type ?? 'text'} id={props.id} name={props.name} maxlength={props.max} value={props.value} lang={props.lang} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(props)} />
    </Frame>
  );
}

export function Select(props: ControlProps & { options: Array<[value: string, label: string]> }): JSX.Element {
  return (
    <Frame {...props}>
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(props)}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value} safe>
            {label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Radio buttons in a fieldset, each with its hint. */
export function Radios(props: { id: string; name: string; legend: string; value: string; error?: string | undefined; options: Array<[value: string, label: string, hint?: string]> }): JSX.Element {
  return (
    <fieldset aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend safe>{props.legend}</legend>
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      {props.options.map(([value, label, hint]) => (
        <div class="check">
          <input type="radio" id={`${props.id}-${value}`} name={props.name} value={value} checked={props.value === value} aria-describedby={hint ? `${props.id}-${value}-hint` : undefined} />
          <label for={`${props.id}-${value}`}>
            <span safe>{label}</span>
            {hint ? (
              <span class="hint" id={`${props.id}-${value}-hint`} safe>
                {hint}
              </span>
            ) : (
              ''
            )}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The deadline in its zone (with the UTC offset), and what remains while open. */
export function Deadline(props: { locale: Locale; closesAt: Date; timeZone: string; phase: Phase; now: Date }): JSX.Element {
  const { t } = consultationsT(props.locale);
  const left = remaining(props.now, props.closesAt);
  return (
    <p class="deadline">
      <span safe>{t('consultations.page.deadline', { deadline: deadlineText(props.locale, props.closesAt, props.timeZone) })}</span>{' '}
      {props.phase === 'open' ? <strong safe>{t('consultations.page.remaining', left)}</strong> : props.phase === 'draft' ? '' : <span safe>{t('consultations.page.closedOn')}</span>}
    </p>
  );
}

/** One input as the reader may see it: its number (anchor `#input-N`), author or "anonymous", and its text. */
export function InputItem(props: { locale: Locale; input: ShownInput; outcome?: string | undefined; dispositionHref?: string | undefined }): JSX.Element {
  const { locale, input } = props;
  const t = consultationsMessages(locale);
  const who = input.author === null ? t('consultations.page.anonymous') : input.organisation ? `${fill(locale, 'consultations.page.by', 'name', input.author)} ${fill(locale, 'consultations.page.for', 'organisation', input.organisation)}` : fill(locale, 'consultations.page.by', 'name', input.author);
  return (
    <li id={`input-${input.number}`} class="consultation-input">
      <p class="meta">
        <strong safe>{fill(locale, 'consultations.page.input', 'number', input.number)}</strong> <span safe>{who}</span>
        {input.publication === 'private' ? <span class="badge" safe>{t('consultations.page.private')}</span> : ''}
        {input.own ? <span safe>{` ${t('consultations.page.yours', { publication: t(`consultations.publication.${input.publication as 'named'}`) })}`}</span> : ''}
      </p>
      <p lang={input.language} class="input-body" safe>
        {input.body}
      </p>
      {props.outcome && props.dispositionHref ? (
        <p>
          <a href={props.dispositionHref} safe>
            {fill(locale, 'consultations.page.disposition', 'outcome', props.outcome)}
          </a>
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

/** Links to the disposition table as CSV and JSON (the API's own addresses), and to the public inputs when asked. */
export function DispositionDownloads(props: { consultationId: string; locale: Locale; withInputs?: boolean }): JSX.Element {
  const { safeT } = consultationsT(props.locale);
  const api = `/api/v1/consultations/${props.consultationId}`;
  return (
    <ul>
      {props.withInputs ? (
        <li>
          <a href={`${api}/inputs.csv`}>{safeT('consultations.page.inputsCsv')}</a>
        </li>
      ) : (
        ''
      )}
      <li>
        <a href={`${api}/dispositions.csv`}>{safeT('consultations.page.dispositionsCsv')}</a>
      </li>
      <li>
        <a href={`${api}/dispositions`}>{safeT('consultations.page.dispositionsJson')}</a>
      </li>
    </ul>
  );
}
