import type { Locale } from '../../../../app/i18n/i18n.js';
import type { FrameworkCategory } from '../../toolkit.constants.js';
import type { ProposalView } from '../layers.queries.js';
import { correctionInputSchema, frameworkInputSchema } from '../layers.schemas.js';
import { CellStateView, layersT } from './layer-parts.js';

/** What a proposal asks, read from its stored payload: a framework with its review, or one cell's correction. */
export function ProposalSummary(props: { locale: Locale; proposal: ProposalView }): JSX.Element {
  const { locale, proposal } = props;
  const { t, safeT } = layersT(locale);
  if (proposal.kind === 'framework') {
    const parsed = frameworkInputSchema.safeParse(proposal.payload);
    if (!parsed.success) return <p>{safeT('layers.error.invalid')}</p>;
    const f = parsed.data;
    return (
      <dl>
        <dt>{safeT('layers.field.frameworkName')}</dt>
        <dd lang="en" safe>{f.name}</dd>
        <dt>{safeT('cell.category')}</dt>
        <dd safe>{t(`category.${f.category as FrameworkCategory}`)}</dd>
        <dt>{safeT('cell.type')}</dt>
        <dd lang="en" safe>{f.documentType}</dd>
        <dt>{safeT('cell.resources')}</dt>
        <dd>
          <ul>
            {f.resources.map((url) => (
              <li safe>{url}</li>
            ))}
          </ul>
        </dd>
        {f.cells.map((cell) => (
          <>
            <dt safe>{cell.action}</dt>
            <dd>
              <CellStateView locale={locale} state={cell} />
            </dd>
          </>
        ))}
      </dl>
    );
  }
  const parsed = correctionInputSchema.safeParse(proposal.payload);
  if (!parsed.success) return <p>{safeT('layers.error.invalid')}</p>;
  const c = parsed.data;
  return (
    <dl>
      <dt>{safeT('layers.corrections.cell')}</dt>
      <dd safe>{`${c.action}, ${c.of}/${c.framework}`}</dd>
      <dt>{safeT('layers.corrections.after')}</dt>
      <dd>
        <CellStateView locale={locale} state={c} />
      </dd>
      <dt>{safeT('layers.corrections.reason')}</dt>
      <dd safe>{c.reason}</dd>
    </dl>
  );
}
