/**
 * The OSCAL 1.2 mapping-collection of the toolkit: one mapping per framework, from its provisions (the provisions
 * catalog) to the actions (the actions catalog), one map per quoted cell.
 *
 * Two choices, argued:
 * - OSCAL says no inference should be drawn from what a mapping leaves out, but WG6's blanks are findings (the
 *   framework was reviewed for the action and nothing was found). Each mapping therefore lists its reviewed-absent
 *   actions in `target-gap-summary`, the model's place for controls that were not mapped.
 * - The relationship is `intersects-with`, from OSCAL's own list: WG6 asserts that the provision addresses the action,
 *   each saying things the other does not. A value of our own (`addresses`) would need its namespace on the map, and
 *   in 1.2.0 the allowed-values rule applies by namespace in a way tools read differently; an OSCAL value validates in
 *   every reading, and WG6's own word is kept as a property.
 */
import type { Locale } from '../../../app/i18n/i18n.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { PublishedToolkit } from './toolkit.exports.queries.js';
import { actionControlId, provisionControlId } from './toolkit.oscal.catalogs.js';
import { oscalHref, oscalMetadata, subjectUuid, wg6Prop } from './toolkit.oscal.common.js';

export function mappingCollection(toolkit: PublishedToolkit, locale: Locale, publicUrl: string) {
  const t = toolkitMessages(locale);
  const mapped = toolkit.frameworks.filter((f) => f.quoted > 0);
  return {
    'mapping-collection': {
      uuid: subjectUuid(toolkit, `${locale}/mapping-collection`),
      metadata: oscalMetadata(toolkit, locale, publicUrl, t('export.oscal.mapping.title')),
      provenance: {
        method: 'human',
        'matching-rationale': 'semantic',
        status: 'complete',
        'mapping-description': t('export.oscal.mapping.description', { version: toolkit.dataset.version }),
      },
      mappings: mapped.map((framework) => {
        const cells = toolkit.cells.filter((cell) => cell.frameworkKey === framework.key);
        const absent = cells.filter((cell) => cell.status === 'reviewed-absent').map((cell) => actionControlId(cell.action));
        return {
          uuid: subjectUuid(toolkit, `mapping/${framework.key}`),
          'source-resource': { type: 'catalog', href: oscalHref(publicUrl, locale, 'provisions'), props: [wg6Prop('framework', framework.key)] },
          'target-resource': { type: 'catalog', href: oscalHref(publicUrl, locale, 'catalog') },
          maps: cells
            .filter((cell) => cell.status === 'quoted')
            .map((cell) => ({
              uuid: subjectUuid(toolkit, `map/${framework.key}/${cell.action}`),
              relationship: 'intersects-with',
              sources: [{ type: 'control', 'id-ref': provisionControlId(cell) }],
              targets: [{ type: 'control', 'id-ref': actionControlId(cell.action) }],
              props: [wg6Prop('wg6-relationship', 'addresses'), wg6Prop('source-cell', cell.sourceCell)],
            })),
          remarks: framework.name,
          ...(absent.length ? { 'target-gap-summary': { uuid: subjectUuid(toolkit, `gaps/${framework.key}`), 'unmapped-controls': [{ 'with-ids': absent }] } } : {}),
        };
      }),
    },
  };
}
