import { describedBy } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { ProposalView } from '../layers.queries.js';
import { layerLimits } from '../layers.schemas.js';
import { dateText, errorText, layersT } from './layer-parts.js';
import { FormAlert } from './form-parts.js';
import { ProposalSummary } from './proposal-summary.js';

/**
 * The secretariat's queue of proposals, oldest first, each with what it asks and a decision form (accept, or reject
 * with a note the proposer receives). A refused decision comes back with its errors beside the proposal's fields.
 */
export function ProposalsQueuePage(props: {
  locale: Locale;
  proposals: ProposalView[];
  csrfField: string;
  notice?: string | undefined;
  failed?: { id: string; errors?: Record<string, string>; values?: Record<string, string>; alert?: string } | undefined;
}): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  return (
    <Layout locale={locale} title={t('layers.queue.title')} path="/secretariat/toolkit/proposals" current="secretariat">
      <p>
        <a href={`/${locale}/toolkit/layers`}>{safeT('layers.back')}</a>
      </p>
      <h1>{safeT('layers.queue.title')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      <p class="lead">{safeT('layers.queue.intro')}</p>
      {props.proposals.length === 0 ? <p>{safeT('layers.queue.empty')}</p> : ''}
      {props.proposals.map((proposal) => {
        const failed = props.failed?.id === proposal.id ? props.failed : undefined;
        const noteError = errorText(locale, failed?.errors, 'note');
        const decisionError = errorText(locale, failed?.errors, 'decision');
        const note = `note-${proposal.id}`;
        return (
          <section aria-labelledby={`proposal-${proposal.id}`} class="card">
            <h2 id={`proposal-${proposal.id}`} safe>
              {t(proposal.kind === 'framework' ? 'layers.queue.framework' : 'layers.queue.cell', { layer: proposal.layerName })}
            </h2>
            <p class="meta" safe>{t('layers.queue.from', { supporter: proposal.supporterName, date: dateText(locale, proposal.createdAt) })}</p>
            <ProposalSummary locale={locale} proposal={proposal} />
            <form class="form" method="post" action={`/${locale}/secretariat/toolkit/proposals/${proposal.id}`} novalidate>
              {props.csrfField as 'safe'}
              <FormAlert message={failed?.alert} />
              <fieldset aria-describedby={decisionError ? `decision-${proposal.id}-error` : undefined}>
                <legend>{safeT('layers.queue.decision')}</legend>
                {(['accept', 'reject'] as const).map((decision) => (
                  <div class="radio">
                    <input type="radio" id={`decision-${proposal.id}-${decision}`} name="decision" value={decision} checked={failed?.values?.decision === decision} />
                    <label for={`decision-${proposal.id}-${decision}`}>{safeT(`layers.queue.${decision}`)}</label>
                  </div>
                ))}
                {decisionError ? <p class="field-error" id={`decision-${proposal.id}-error`} safe>{decisionError}</p> : ''}
              </fieldset>
              <div class="field">
                <label for={note}>{safeT('layers.queue.note')}</label>
                <span class="hint" id={`${note}-hint`}>
                  {safeT('layers.queue.note.hint')}
                </span>
                <textarea id={note} name="note" rows="3" maxlength={layerLimits.reason} aria-invalid={noteError ? 'true' : undefined} aria-describedby={describedBy(note, true, Boolean(noteError))} safe>
                  {failed?.values?.note ?? ''}
                </textarea>
                {noteError ? <p class="field-error" id={`${note}-error`} safe>{noteError}</p> : ''}
              </div>
              <button type="submit">{safeT('layers.queue.submit')}</button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}
