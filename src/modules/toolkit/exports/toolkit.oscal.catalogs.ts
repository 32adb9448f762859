/**
 * The two OSCAL catalogs of the toolkit: the 25 actions as controls grouped by the six OECD principles, and the
 * provisions the frameworks are quoted for, as controls grouped by framework (one control per quoted workbook cell: a
 * quotation merged across actions is one provision addressing several of them).
 */
import type { Locale } from '../../../app/i18n/i18n.js';
import { principles } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { Recipient } from '../toolkit.models.js';
import type { ExportCellRow, PublishedToolkit } from './toolkit.exports.queries.js';
import { oscalMetadata, subjectUuid, wg6Namespace, wg6Prop, type OscalLink, type OscalPart, type OscalProperty } from './toolkit.oscal.common.js';

interface OscalControl {
  id: string;
  class: string;
  title: string;
  props: OscalProperty[];
  links: OscalLink[];
  parts: OscalPart[];
}

/** `A4` → `a4`: OSCAL control ids are tokens, by convention lower case. */
export const actionControlId = (code: string) => code.toLowerCase();

/** The provision a cell quotes: its merge's first cell when merged, so a merged quotation is one provision. */
export function provisionCell(cell: ExportCellRow): string {
  const [sheet] = cell.sourceCell.split('!');
  return cell.mergedRange ? `${sheet}!${cell.mergedRange.split(':')[0]}` : cell.sourceCell;
}

/** `pp-9` and `Public policy!H9` → `pp-9-h9`. */
export const provisionControlId = (cell: ExportCellRow) => `${cell.frameworkKey}-${provisionCell(cell).split('!')[1]!.toLowerCase()}`;

export function actionsCatalog(toolkit: PublishedToolkit, locale: Locale, publicUrl: string) {
  const t = toolkitMessages(locale);
  return {
    catalog: {
      uuid: subjectUuid(toolkit, `${locale}/catalog/actions`),
      metadata: oscalMetadata(toolkit, locale, publicUrl, t('export.oscal.catalog.title')),
      groups: principles.map((principle) => ({
        id: principle.key,
        class: 'principle',
        title: t(`principle.${principle.key}`),
        props: [wg6Prop('oecd-principle', principle.name)],
        controls: toolkit.actions
          .filter((action) => action.principle === principle.key)
          .map(
            (action): OscalControl => ({
              id: actionControlId(action.code),
              class: 'action',
              title: action.title,
              props: [
                { name: 'label', value: action.code },
                { name: 'sort-id', value: `a${String(action.number).padStart(2, '0')}` },
                wg6Prop('title-source', action.titleSource),
                wg6Prop('workbook-title', action.workbookTitle),
                wg6Prop('workbook-title-cell', action.workbookTitleSource),
                wg6Prop('principle-cells', action.principleSource),
                wg6Prop('frameworks-quoted', action.quoted),
                wg6Prop('frameworks-reviewed-absent', action.reviewedAbsent),
              ],
              links: [{ href: `${publicUrl}/api/v1/toolkit/actions/${action.code}`, rel: 'alternate', 'media-type': 'application/json' }],
              parts: [{ id: `${actionControlId(action.code)}_smt`, name: 'statement', prose: action.title }],
            }),
          ),
      })),
    },
  };
}

export function provisionsCatalog(toolkit: PublishedToolkit, locale: Locale, publicUrl: string) {
  const t = toolkitMessages(locale);
  return {
    catalog: {
      uuid: subjectUuid(toolkit, `${locale}/catalog/provisions`),
      metadata: oscalMetadata(toolkit, locale, publicUrl, t('export.oscal.provisions.title')),
      groups: toolkit.frameworks.map((framework) => {
        const quoted = toolkit.cells.filter((cell) => cell.frameworkKey === framework.key && cell.status === 'quoted');
        const provisions = new Map<string, ExportCellRow[]>();
        for (const cell of quoted) provisions.set(provisionControlId(cell), [...(provisions.get(provisionControlId(cell)) ?? []), cell]);
        const recipients = framework.recipients as Record<string, Recipient>;
        return {
          id: framework.key,
          class: framework.category,
          title: framework.name,
          props: [
            wg6Prop('category', framework.category),
            wg6Prop('document-type', framework.documentType),
            ...Object.entries(recipients).flatMap(([kind, r]) => (r.marked ? [wg6Prop('recipient', kind)] : [])),
            wg6Prop('source-cell', (framework.source as { name: string }).name),
          ],
          // OSCAL's JSON lists hold at least one item: an empty one is left out.
          ...(framework.resources.length ? { links: framework.resources.map((href): OscalLink => ({ href, rel: 'reference' })) } : {}),
          ...(provisions.size ? { controls: provisionControls(provisions) } : {}),
        };
      }),
    },
  };

  function provisionControls(provisions: Map<string, ExportCellRow[]>): OscalControl[] {
    return [...provisions.entries()].map(([id, cells]): OscalControl => {
      const [first] = cells as [ExportCellRow];
      const actions = cells.map((cell) => cell.action);
      return {
        id,
        class: 'provision',
        title: first.locator ?? t('export.oscal.provision.title', { actions: actions.join(', ') }),
        props: [
          ...(first.locator ? [wg6Prop('locator', first.locator)] : []),
          wg6Prop('source-cell', provisionCell(first)),
          ...(first.mergedRange ? [wg6Prop('merged-range', first.mergedRange)] : []),
          ...actions.map((code) => wg6Prop('action', code)),
        ],
        links: actions.map((code) => ({ href: `${publicUrl}/${locale}/toolkit/cells/${first.frameworkKey}/${code.toLowerCase()}`, rel: 'alternate', 'media-type': 'text/html' })),
        parts: [{ id: `${id}_quotation`, name: 'quotation', ns: wg6Namespace, prose: first.quotation ?? '' }],
      };
    });
  }
}
