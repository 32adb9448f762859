import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { ProposalView } from '../layers.queries.js';
import { dateText, layersT } from './layer-parts.js';
import { ProposalSummary } from './proposal-summary.js';

/** The signed-in person's own proposals, newest first, with the secretariat's decision and note. */
export function MyProposalsPage(props: { locale: Locale; proposals: ProposalView[]; notice?: string | undefined }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  return (
    <Layout locale={locale} title={t('layers.mine.title')} path="/toolkit/proposals" current="account">
      <p>
        <a href={`/${locale}/toolkit/layers`}>{safeT('layers.back')}</a>
      </p>
      <h1>{safeT('layers.mine.title')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.proposals.length === 0 ? <p>{safeT('layers.mine.empty')}</p> : ''}
      {props.proposals.map((proposal) => (
        <section aria-labelledby={`proposal-${proposal.id}`} class="card">
          <h2 id={`proposal-${proposal.id}`} safe>
            {t(proposal.kind === 'framework' ? 'layers.queue.framework' : 'layers.queue.cell', { layer: proposal.layerName })}
          </h2>
          <p class="meta" safe>{t('layers.queue.from', { supporter: proposal.supporterName, date: dateText(locale, proposal.createdAt) })}</p>
          <p>
            <strong safe>{t(`layers.proposal.${proposal.status as 'pending' | 'accepted' | 'rejected'}`)}</strong>
            {proposal.decidedAt ? <span safe>{` (${dateText(locale, proposal.decidedAt)})`}</span> : ''}
          </p>
          {proposal.decisionNote ? <p safe>{t('layers.mine.note', { note: proposal.decisionNote })}</p> : ''}
          <details>
            <summary>{safeT('layers.mine.details')}</summary>
            <ProposalSummary locale={locale} proposal={proposal} />
          </details>
        </section>
      ))}
    </Layout>
  );
}
