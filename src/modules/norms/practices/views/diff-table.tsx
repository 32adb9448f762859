import type { Locale } from '../../../../app/i18n/i18n.js';
import type { FieldDiff } from '../practices.presenters.js';
import { practicesT } from './practice-parts.js';

/** Text with its line breaks kept (lists are one item a line; a description's paragraphs stay apart). */
function Lines(props: { text: string }): JSX.Element {
  return (
    <>
      {props.text.split('\n').map((line, index) => (
        <>
          {index > 0 ? <br /> : ''}
          <span safe>{line}</span>
        </>
      ))}
    </>
  );
}

/** What changed between two versions, field by field, words struck through and underlined; every text escaped. */
export function DiffTable(props: { locale: Locale; diffs: FieldDiff[] }): JSX.Element {
  const { safeT } = practicesT(props.locale);
  if (props.diffs.length === 0) return <p>{safeT('history.unchanged')}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{safeT('diff.field')}</th>
            <th scope="col">{safeT('diff.change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.diffs.map((diff) => (
            <tr>
              <th scope="row" safe>
                {diff.label}
              </th>
              <td class="diff">
                {diff.parts.map((part) => {
                  const text = <Lines text={part.value} />;
                  return part.added ? <ins>{text}</ins> : part.removed ? <del>{text}</del> : <span>{text}</span>;
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
