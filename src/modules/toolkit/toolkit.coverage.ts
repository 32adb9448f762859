/**
 * Coverage of the 25 actions by the frameworks, computed from the cells (never typed in): how many frameworks quote a
 * provision for each action, per OECD principle and per category, and the least-covered actions. The definition is
 * the one of the research note (§2.7): a pair counts when its cell is `quoted`, merged cells counting for every action
 * they span (the importer already expanded them). Pure functions, no I/O.
 */
import { stringify } from 'csv-stringify/sync';
import { frameworkSheets, principles, type CellStatus, type FrameworkCategory, type PrincipleKey } from './toolkit.constants.js';

/** How many of the least-covered actions are named; actions tied with the last one named are named too. */
export const leastCoveredCount = 5;

export interface CoverageInput {
  frameworks: Array<{ key: string; name: string; category: string }>;
  actions: Array<{ code: string; title: string; principle: PrincipleKey }>;
  cells: Array<{ frameworkKey: string; actionCode: string; status: CellStatus | string }>;
}

export interface ActionCoverage {
  code: string;
  title: string;
  principle: PrincipleKey;
  /** Frameworks quoting a provision for the action. */
  quoted: number;
  /** Frameworks reviewed for it with nothing found. */
  reviewedAbsent: number;
  /** Frameworks with no cell for it (not reviewed). */
  notReviewed: number;
  /** `quoted` by the category of the framework. */
  byCategory: Record<FrameworkCategory, number>;
}

export interface PrincipleCoverage {
  principle: PrincipleKey;
  actions: string[];
  /** Quoted framework × action pairs over the principle's actions. */
  pairs: number;
  /** `pairs` divided by the number of actions: principles have 2 to 6 actions, so totals alone mislead. */
  meanPerAction: number;
  /** Frameworks quoting a provision for at least one of its actions. */
  frameworksAddressing: number;
  /** The frameworks quoting nothing for any of its actions, by name. */
  frameworksWithout: string[];
}

export interface CategoryCoverage {
  category: FrameworkCategory;
  frameworks: number;
  /** Quoted pairs of its frameworks. */
  pairs: number;
  /** Actions addressed per framework, on average. */
  meanPerFramework: number;
}

export interface Coverage {
  frameworks: number;
  actions: number;
  /** Quoted pairs, reviewed-absent pairs, pairs not reviewed. */
  quoted: number;
  reviewedAbsent: number;
  notReviewed: number;
  perAction: ActionCoverage[];
  perPrinciple: PrincipleCoverage[];
  perCategory: CategoryCoverage[];
  /** The `leastCoveredCount` actions with the fewest quoting frameworks, ties with the last included, fewest first. */
  leastCovered: ActionCoverage[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const zeroByCategory = () => Object.fromEntries(frameworkSheets.map((s) => [s.category, 0])) as Record<FrameworkCategory, number>;

export function computeCoverage(input: CoverageInput): Coverage {
  const categoryOf = new Map(input.frameworks.map((f) => [f.key, f.category as FrameworkCategory]));
  const perAction = new Map<string, ActionCoverage>(
    input.actions.map((a) => [a.code, { code: a.code, title: a.title, principle: a.principle, quoted: 0, reviewedAbsent: 0, notReviewed: 0, byCategory: zeroByCategory() }]),
  );
  /** framework key → codes of the actions it quotes something for. */
  const quotedBy = new Map<string, Set<string>>();
  let quoted = 0;
  let reviewedAbsent = 0;
  for (const cell of input.cells) {
    const action = perAction.get(cell.actionCode);
    const category = categoryOf.get(cell.frameworkKey);
    if (!action || !category) continue;
    if (cell.status === 'quoted') {
      action.quoted += 1;
      action.byCategory[category] += 1;
      quoted += 1;
      if (!quotedBy.has(cell.frameworkKey)) quotedBy.set(cell.frameworkKey, new Set());
      quotedBy.get(cell.frameworkKey)!.add(cell.actionCode);
    } else {
      action.reviewedAbsent += 1;
      reviewedAbsent += 1;
    }
  }
  for (const action of perAction.values()) action.notReviewed = input.frameworks.length - action.quoted - action.reviewedAbsent;
  const actions = [...perAction.values()];

  const perPrinciple = principles
    .map((p) => {
      const codes = actions.filter((a) => a.principle === p.key).map((a) => a.code);
      const pairs = actions.filter((a) => a.principle === p.key).reduce((n, a) => n + a.quoted, 0);
      const addressing = input.frameworks.filter((f) => codes.some((code) => quotedBy.get(f.key)?.has(code)));
      return {
        principle: p.key,
        actions: codes,
        pairs,
        meanPerAction: codes.length ? round2(pairs / codes.length) : 0,
        frameworksAddressing: addressing.length,
        frameworksWithout: input.frameworks.filter((f) => !addressing.includes(f)).map((f) => f.name),
      };
    })
    .filter((p) => p.actions.length > 0);

  const perCategory = frameworkSheets
    .map(({ category }) => {
      const keys = input.frameworks.filter((f) => f.category === category).map((f) => f.key);
      const pairs = keys.reduce((n, key) => n + (quotedBy.get(key)?.size ?? 0), 0);
      return { category, frameworks: keys.length, pairs, meanPerFramework: keys.length ? round2(pairs / keys.length) : 0 };
    })
    .filter((c) => c.frameworks > 0);

  const ascending = [...actions].sort((a, b) => a.quoted - b.quoted || actionNumber(a.code) - actionNumber(b.code));
  const threshold = ascending[Math.min(leastCoveredCount, ascending.length) - 1]?.quoted ?? 0;
  const leastCovered = ascending.filter((a) => a.quoted <= threshold);

  const pairs = input.frameworks.length * input.actions.length;
  return { frameworks: input.frameworks.length, actions: input.actions.length, quoted, reviewedAbsent, notReviewed: pairs - quoted - reviewedAbsent, perAction: actions, perPrinciple, perCategory, leastCovered };
}

const actionNumber = (code: string) => Number(code.slice(1));

/** What the figures count, said with them in the API and the CSV (the report's insights used other definitions). */
export const coverageDefinition =
  'A framework addresses an action when the WG6 reviewers quote a provision of it for that action (cell status "quoted"); a merged workbook cell counts for each action it spans. Counts are over the 35 frameworks of the data set "WG6 2021 as published".';

/** The per-action figures as CSV (one row per action, a column per category), written by csv-stringify. */
export function coverageToCsv(coverage: Coverage): string {
  const categories = frameworkSheets.map((s) => s.category);
  const rows = coverage.perAction.map((a) => [a.code, a.principle, a.title, a.quoted, a.reviewedAbsent, a.notReviewed, ...categories.map((c) => a.byCategory[c])]);
  return stringify(rows, { header: true, columns: ['action', 'principle', 'title', 'quoted', 'reviewed_absent', 'not_reviewed', ...categories.map((c) => `quoted_${c.replaceAll('-', '_')}`)] });
}
