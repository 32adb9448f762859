import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { callMessages } from '../call.messages.js';
import type { RenderedDocument } from '../call.usecases.js';

export interface CallPageProps {
  locale: Locale;
  document: RenderedDocument | null;
}

/** The Call's own text, in the page language. */
export function CallPage({ locale, document }: CallPageProps): JSX.Element {
  const t = callMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('call.title')} path="/call" current="call">
      <h1>{safeT('call.title')}</h1>
      {document ? <TranslatedDocument locale={locale} document={document} /> : <p>{safeT('call.missing')}</p>}
    </Layout>
  );
}

/** Rendered Markdown in its own language, with a note when that is not the page's language. */
export function TranslatedDocument({ locale, document, class: className = 'prose' }: { locale: Locale; document: RenderedDocument; class?: string }): JSX.Element {
  const safeT = escaping(callMessages(locale));
  return (
    <>
      {document.locale !== locale ? <p class="note">{safeT('call.notTranslated')}</p> : ''}
      <div class={className} lang={document.locale}>
        {document.html as 'safe'}
      </div>
    </>
  );
}
