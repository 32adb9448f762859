/**
 * The toolkit's records as the importer produces them and the bundle ships them: frameworks, actions and the
 * framework × action cells of one data set, each with the place in the source it was read from.
 */
import type { CellStatus, FrameworkCategory, PrincipleKey, RecipientKind, StakeholderKind } from './toolkit.constants.js';

/** A recipient column of a framework: marked or not, and the note after the "X" when there is one. */
export interface Recipient {
  marked: boolean;
  note: string | null;
}

export interface ParsedFramework {
  /** Stable key within the data set: sheet code and row (`pp-5` is Public policy row 5). */
  key: string;
  name: string;
  category: FrameworkCategory;
  /** Column B as published ("Public policy (Legislation)"), free text. */
  documentType: string;
  recipients: Record<RecipientKind, Recipient & { source: string; merged: string | null }>;
  resources: string[];
  /** Order in the workbook (sheet order, then row), from 1. */
  position: number;
  /** Cells the name, the type and the resources were read from. */
  source: { name: string; type: string; resources: string };
}

export interface ParsedAction {
  /** `A1` … `A25`. */
  code: string;
  number: number;
  principle: PrincipleKey;
  /** The canonical title from the report (pp. 13–15), without its `A4: ` prefix. */
  title: string;
  /** Where the title comes from: `report p. 13`. */
  titleSource: string;
  /** The title as the workbook's header spells it (typos kept). */
  workbookTitle: string;
  workbookTitleSource: string;
  /** The workbook's header range that files the action under its principle. */
  principleSource: string;
}

export interface ParsedCell {
  frameworkKey: string;
  action: string;
  status: CellStatus;
  quotation: string | null;
  /** The provision cited ("Article 46 (2)", "SM02") when the cell opens with it in bold; a suggestion, not reviewed. */
  locator: string | null;
  /** `sheet!cell` of this pair, even when its value comes from a merge's first cell. */
  source: string;
  /** The merged range the value spans (`H9:I9`), or null. */
  mergedRange: string | null;
}

/** One cell of the report's 25 × 4 stakeholder matrix (pp. 26–31). */
export interface ParsedStakeholderRole {
  action: string;
  stakeholder: StakeholderKind;
  marked: boolean;
  /** The note printed under the mark, without its parentheses, [sic] kept; null when the mark stands alone. */
  condition: string | null;
  /** The cell reads "✗, except for mainstream users". */
  excludesMainstreamUsers: boolean;
  /** The groups one merged cell spans, this one included; null when the cell is the group's own. */
  mergedWith: StakeholderKind[] | null;
  /** `report p. 27`. */
  source: string;
}

/** Something the importer read in a way a reviewer should know about, with the cell it concerns. */
export interface ImportAnomaly {
  cell: string;
  kind:
    | 'formula-cached-value'
    | 'whitespace-only'
    | 'whitespace-trimmed'
    | 'merged-actions'
    | 'merged-recipients'
    | 'recipient-without-mark'
    | 'no-recipient'
    | 'resource-without-hyperlink'
    | 'resource-without-scheme'
    | 'resource-missing'
    | 'title-differs';
  detail: string;
}

/** A whole published data set as read from its sources. */
export interface ParsedDataset {
  key: string;
  name: string;
  /** The workbook's version date (YYYY-MM-DD). */
  version: string;
  source: string;
  sourceSha256: string;
  frameworks: ParsedFramework[];
  actions: ParsedAction[];
  cells: ParsedCell[];
  stakeholderRoles: ParsedStakeholderRole[];
  anomalies: ImportAnomaly[];
}
