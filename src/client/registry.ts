/**
 * Progressive enhancement of the registry page. Without it the page is a plain GET form; with it, changing a
 * filter or typing in the search box updates the results in place, and the URL follows (shareable, and the back
 * button restores the previous state).
 */
const form = document.querySelector<HTMLFormElement>('form[data-enhance="registry"]');

if (form) {
  document.documentElement.classList.add('js');
  let controller: AbortController | undefined;
  let timer: number | undefined;
  // The filters sit behind a disclosure: open on a wide screen, closed on a phone (results first) until asked for.
  const disclosure = () => form.querySelector<HTMLDetailsElement>('details.filters-disclosure');
  const wide = window.matchMedia('(min-width: 50.01rem)');
  const opened = disclosure();
  if (opened && wide.matches) opened.open = true;

  const urlFor = (): string => {
    const params = new URLSearchParams();
    // The default order is relevance with a search, name without: the server renders which one applies, so that
    // "name" chosen while searching is kept in the URL rather than dropped and turned back into relevance.
    const defaultSort = form.querySelector<HTMLSelectElement>('#sort')?.dataset.default ?? 'name';
    for (const [key, value] of new FormData(form)) {
      if (typeof value !== 'string' || value === '') continue;
      // Defaults are left out so URLs stay short.
      if ((key === 'pageSize' && value === '50') || (key === 'sort' && value === defaultSort)) continue;
      params.append(key, value);
    }
    const query = params.toString();
    return `${form.action}${query ? `?${query}` : ''}`;
  };

  const load = async (url: string, push: boolean): Promise<void> => {
    controller?.abort();
    controller = new AbortController();
    form.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } });
      if (!response.ok) {
        window.location.href = url;
        return;
      }
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const next = doc.querySelector('form[data-enhance="registry"]');
      if (!next) return;
      const focusedId = document.activeElement?.id;
      // Replace the filters (new counts) and the results, keeping what the user is typing.
      const search = form.querySelector<HTMLInputElement>('#q');
      const typed = search?.value;
      const wasOpen = disclosure()?.open ?? false;
      form.querySelector('.registry-body')?.replaceWith(next.querySelector('.registry-body') as Element);
      // The new filters keep the disclosure as it was: a person choosing filters on a phone keeps seeing them.
      const replaced = disclosure();
      if (replaced) replaced.open = wasOpen;
      if (search && typed !== undefined) search.value = typed;
      if (push) history.pushState({ registry: true }, '', url);
      document.title = doc.title;
      // The language switch (and its <link rel="alternate">) carries the filters: take the new page's.
      for (const selector of ['a.lang-switch', 'link[rel="alternate"][hreflang]']) {
        const href = doc.querySelector(selector)?.getAttribute('href');
        if (href) document.querySelector(selector)?.setAttribute('href', href);
      }
      // The results heading was replaced; a status region that stays in place announces the new count.
      const status = document.getElementById('results-status');
      if (status) status.textContent = document.getElementById('results-title')?.textContent ?? '';
      if (focusedId && focusedId !== 'q') document.getElementById(focusedId)?.focus();
    } catch (error) {
      if ((error as Error).name !== 'AbortError') window.location.href = url;
    } finally {
      form.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'q') return;
    void load(urlFor(), true);
  });
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).id !== 'q') return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(urlFor(), true), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load(urlFor(), true);
  });
  // Back and forward: show the state of that URL, search box included.
  window.addEventListener('popstate', () => {
    // The search box first, so it is right as soon as the results are (load() keeps what the box holds).
    const search = form.querySelector<HTMLInputElement>('#q');
    if (search) search.value = new URL(window.location.href).searchParams.get('q') ?? '';
    void load(window.location.href, false);
  });
}
