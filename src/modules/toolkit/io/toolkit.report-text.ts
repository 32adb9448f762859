/**
 * Reader of the WG6 report's text (`pdftotext -layout` of
 * `2021-11-12-Paris-Call-Working-Group6-Report-SecuringICTSupplyChain.pdf`, in `shared/data/reports-text/`): the
 * canonical titles of the 25 actions A1–A25 (pp. 13–15, bullets "▪ A4: …" wrapped over several lines) and the OECD
 * principle each is listed under. The principle names sit in a left column, vertically centred beside their actions
 * and wrapped ("Responsibility and" / "duty of care"); groups are split at the widest gap between two labels, and the
 * workbook's own header row must agree (checked by the importer).
 */
import { actionCount, principles, type PrincipleKey } from '../toolkit.constants.js';
import { ToolkitSourceError } from './toolkit.source-error.js';

export interface ReportAction {
  code: string;
  number: number;
  title: string;
  page: number;
  principle: PrincipleKey;
  /** 1-based line of the bullet in the text file. */
  line: number;
}

const bullet = /^(.*?)▪\s+A(\d{1,2}):\s*(.*)$/;
const pageFooter = /Page (\d+) \/ \d+/;
const furniture = /OECD high-level|^\s*principles\s*$|^\s*Actions\s*$|Paris Call – Working Group|Source: OECD/;

interface Label {
  text: string;
  firstLine: number;
  lastLine: number;
}

/** Reads the 25 actions from the report text; `file` names the text in errors (`report.txt:123`). */
export function readReportActions(text: string, file: string): ReportAction[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /▪\s+A1:/.test(line));
  if (start < 0) throw new ToolkitSourceError(file, 'no "▪ A1:" bullet: not the WG6 report text');
  const found: Array<Omit<ReportAction, 'page' | 'principle'> & { page?: number; lastLine: number }> = [];
  const labels: Label[] = [];
  let bulletColumn = 0;
  let open: (typeof found)[number] | undefined;

  for (let index = start; index < lines.length && !(found.length === actionCount && !open); index++) {
    const line = lines[index] ?? '';
    const footer = pageFooter.exec(line);
    if (footer) {
      for (const action of found) action.page ??= Number(footer[1]);
      open = undefined;
      continue;
    }
    if (line.trim() === '') {
      open = undefined;
      continue;
    }
    if (furniture.test(line)) continue;
    const match = bullet.exec(line);
    let left: string;
    if (match) {
      const number = Number(match[2]);
      if (number !== found.length + 1) throw new ToolkitSourceError(`${file}:${index + 1}`, `expected the bullet of A${found.length + 1}, found A${number}`);
      bulletColumn = line.indexOf('▪');
      open = { code: `A${number}`, number, title: (match[3] ?? '').trim(), line: index + 1, lastLine: index + 1 };
      found.push(open);
      left = (match[1] ?? '').trim();
    } else {
      left = line.slice(0, bulletColumn).trim();
      const right = line.slice(bulletColumn).trim();
      if (right !== '' && open) {
        open.title += ` ${right}`;
        open.lastLine = index + 1;
      }
    }
    if (left !== '') {
      const last = labels.at(-1);
      if (last && last.lastLine === index - 1) {
        last.text += ` ${left}`;
        last.lastLine = index;
      } else labels.push({ text: left, firstLine: index, lastLine: index });
    }
  }
  if (found.length !== actionCount) throw new ToolkitSourceError(file, `found ${found.length} action bullets, expected ${actionCount}`);
  // The last page's footer comes after the text that follows the list.
  const lastFooter = lines.slice((found.at(-1)?.line ?? 0)).map((line) => pageFooter.exec(line)).find(Boolean);
  for (const action of found) action.page ??= lastFooter ? Number(lastFooter[1]) : undefined;

  const named = labels.map((label) => {
    const folded = label.text.replace(/\s+/g, ' ').toLowerCase();
    const principle = principles.find((p) => p.name.toLowerCase() === folded);
    if (!principle) throw new ToolkitSourceError(`${file}:${label.firstLine + 1}`, `"${label.text}" is not one of the six OECD principles`);
    return { key: principle.key, firstLine: label.firstLine + 1, lastLine: label.lastLine + 1 };
  });
  // A label lies within its group's lines, so the boundary between two groups is between the actions that surround
  // the widest gap (two blank lines, or a page break) among those that can sit between the two labels.
  const groupOf = new Array<number>(found.length).fill(0);
  let from = 0;
  named.forEach((label, k) => {
    const next = named[k + 1];
    let boundary = found.length - 1;
    if (next) {
      let widest = -1;
      for (let i = from; i < found.length - 1; i++) {
        const a = found[i]!;
        const b = found[i + 1]!;
        if (a.lastLine < label.firstLine || b.line > next.lastLine) continue;
        if (b.line - a.lastLine > widest) {
          widest = b.line - a.lastLine;
          boundary = i;
        }
      }
      if (widest < 0) throw new ToolkitSourceError(`${file}:${next.firstLine}`, 'cannot tell which actions this principle heads');
    }
    for (let i = from; i <= boundary; i++) groupOf[i] = k;
    from = boundary + 1;
  });
  return found.map((action, i) => {
    if (action.page === undefined) throw new ToolkitSourceError(`${file}:${action.line}`, `no page footer after ${action.code}`);
    const { lastLine: _lastLine, ...rest } = action;
    return { ...rest, title: action.title.replace(/\s+/g, ' ').trim(), page: action.page, principle: named[groupOf[i]!]!.key };
  });
}
