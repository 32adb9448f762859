import { Layout } from '../../../../app/html/layout.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import type { EditionSnapshot } from '../../index.models.js';
import { ChangesSection, type ChangesView } from '../changes-section.js';
import { TimeNav } from '../page-parts.js';
import { RankingTable } from '../ranking-page.js';
import { Notice } from './admin-parts.js';
import { indexAdminMessages } from './secretariat.locales.js';

/**
 * What a draft would publish, computed now, shown with the public ranking page's own table and changes section: the
 * ranking with score and rank bands at one time point, and what would differ from the latest published edition.
 * Units are not links: their public pages do not exist yet.
 */
export function PreviewPage(props: { locale: Locale; slug: string; title: string; snapshot: EditionSnapshot; changes: ChangesView; time: number | null }): JSX.Element {
  const { locale, snapshot, time } = props;
  const t = indexAdminMessages(locale);
  const safeT = escaping(t);
  const base = `/${locale}/secretariat/index/${props.slug}`;
  return (
    <Layout locale={locale} title={t('preview.title', { edition: props.title })} path={`/secretariat/index/${props.slug}/preview`} current="secretariat">
      <p class="breadcrumb">
        <a href={base} safe>
          {props.title}
        </a>
      </p>
      <h1>{safeT('preview.title', { edition: props.title })}</h1>
      <Notice text={t('preview.banner', { runs: snapshot.uncertainty.runs })} />
      <TimeNav times={snapshot.times} current={time} label={t('edition.times')} href={(y) => `${base}/preview?time=${y ?? ''}`} />
      <RankingTable locale={locale} snapshot={snapshot} time={time} base={null} />
      <ChangesSection locale={locale} slug={props.slug} snapshot={snapshot} view={props.changes} draft />
    </Layout>
  );
}
