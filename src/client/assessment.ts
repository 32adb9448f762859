/**
 * Progressive enhancement of the self-assessment. Without it the steps are plain POST forms and nothing is kept; with
 * it, what is typed in the context and the questions is kept as a draft in this browser's localStorage (never sent
 * anywhere else), filled back into empty fields when the page is opened again, and forgotten at once on request. The
 * report page gains a Print button.
 */
const storageKey = 'pariscall.toolkit.assessment.draft';

type Draft = Record<string, Record<string, string | string[]>>;

const readDraft = (): Draft => {
  try {
    return JSON.parse(window.localStorage.getItem(storageKey) ?? '{}') as Draft;
  } catch {
    return {};
  }
};

const writeDraft = (draft: Draft): void => {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the forms work without it.
  }
};

/** The form's own fields (not the CSRF token nor the hidden state) as name → value(s). */
function fieldsOf(form: HTMLFormElement): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || !element.name || element.type === 'hidden' || element.type === 'file') continue;
    if ((element.type === 'radio' || element.type === 'checkbox') && !(element as HTMLInputElement).checked) continue;
    const previous = fields[element.name];
    if (element.type === 'checkbox' && element.name === 'frameworks') fields[element.name] = [...((previous as string[] | undefined) ?? []), element.value];
    else fields[element.name] = element.value;
  }
  return fields;
}

/** Fills fields the server left empty (a new visit) from the draft; returns true when anything was filled. */
function restore(form: HTMLFormElement, saved: Record<string, string | string[]>): boolean {
  const current = fieldsOf(form);
  if (Object.values(current).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ''))) return false;
  let filled = false;
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || !element.name || element.type === 'hidden') continue;
    const value = saved[element.name];
    if (value === undefined) continue;
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
      element.checked = Array.isArray(value) ? value.includes(element.value) : value === element.value || (element.type === 'checkbox' && value === 'on');
      filled ||= element.checked;
    } else if (typeof value === 'string') {
      element.value = value;
      filled ||= value !== '';
    }
  }
  return filled;
}

document.documentElement.classList.add('js');
for (const hidden of Array.from(document.querySelectorAll<HTMLElement>('.js-only[hidden]'))) hidden.hidden = false;

const status = document.querySelector<HTMLElement>('[data-forget-status]');
for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-assessment-form]'))) {
  const step = form.dataset.assessmentForm!;
  const saved = readDraft()[step];
  if (saved && restore(form, saved) && status) status.textContent = status.dataset.restored ?? '';
  let timer: number | undefined;
  form.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => writeDraft({ ...readDraft(), [step]: fieldsOf(form) }), 300);
  });
}

document.querySelector<HTMLButtonElement>('[data-forget-draft]')?.addEventListener('click', () => {
  window.localStorage.removeItem(storageKey);
  if (status) status.textContent = status.dataset.done ?? '';
});

document.querySelector<HTMLButtonElement>('[data-print]')?.addEventListener('click', () => window.print());
