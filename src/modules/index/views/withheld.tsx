import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { indexMessages } from '../index.messages.js';
import type { EditionSnapshot, SnapshotNode } from '../index.models.js';
import { isWithheld, withheldSourcesText } from '../index.withheld.js';

/**
 * Beside a table with columns or rows of withheld nodes: for each, that its scores, ranks and bands are withheld and
 * the sources (with their licences) it is computed from. Nothing when none of the nodes is withheld.
 */
export function WithheldNotice(props: { locale: Locale; snapshot: EditionSnapshot; nodes: SnapshotNode[] }): JSX.Element {
  const withheld = props.nodes.filter(isWithheld);
  if (!withheld.length) return '';
  const safeT = escaping(indexMessages(props.locale));
  return (
    <div class="notice withheld" role="note">
      <ul>
        {withheld.map((n) => (
          <li>{safeT('scores.withheld.node', { node: n.name, sources: withheldSourcesText(props.snapshot, n.code) })}</li>
        ))}
      </ul>
    </div>
  );
}
