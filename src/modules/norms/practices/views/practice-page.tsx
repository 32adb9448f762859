import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { shownText } from '../practices.models.js';
import { kindLabel } from '../practices.presenters.js';
import type { PublicPractice } from '../practices.queries.js';
import { Description } from './description.js';
import { dateText, PracticeFacts, practicesT } from './practice-parts.js';

/**
 * A published practice: its title and description in the page's language (a translation says so and links to the
 * original; a missing translation says so and shows the original), who reports it, what it implements, its evidence.
 */
export function PracticePage(props: { locale: Locale; found: PublicPractice; preferOriginal: boolean }): JSX.Element {
  const { locale } = props;
  const { practice, content, organisation, framework } = props.found;
  const { t, safeT } = practicesT(locale);
  const title = shownText(content.title, content.original, locale, props.preferOriginal);
  const path = `/practices/${practice.id}`;
  return (
    <Layout locale={locale} title={title?.text ?? practice.id} path={path} current="practices">
      <p class="breadcrumb">
        <a href={`/${locale}/practices`}>{safeT('page.library')}</a>
      </p>
      <p class="eyebrow" safe>
        {kindLabel(t, content.kind)}
      </p>
      <h1 lang={title?.lang} safe>
        {title?.text ?? practice.id}
      </h1>
      {title && title.kind === 'untranslated' ? <p class="meta">{safeT('page.untranslated', { language: t(`language.${locale}`), original: t(`language.${title.lang}`) })}</p> : ''}
      <section aria-labelledby="description">
        <h2 id="description">{safeT('field.description')}</h2>
        <Description locale={locale} content={content} preferOriginal={props.preferOriginal} toggle={`/${locale}${path}`} />
      </section>
      <section aria-labelledby="facts">
        <h2 id="facts">{safeT('page.details')}</h2>
        <PracticeFacts locale={locale} practiceId={practice.id} content={content} framework={framework} organisation={organisation} attribution={practice.attribution} sourceRef={practice.sourceRef} />
      </section>
      <p class="meta">
        {practice.publishedAt ? <span safe>{`${t('page.publishedOn', { date: dateText(locale, practice.publishedAt) })} · `}</span> : ''}
        <a href={`/${locale}${path}/history`}>{safeT('page.history')}</a>
      </p>
    </Layout>
  );
}
