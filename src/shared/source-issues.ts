import type { LineCounter, YAMLError } from 'yaml';

/**
 * A problem found while reading an external source (an official file, a CSV export). Errors reject the item they are
 * about; warnings keep it and are reported. Shared so that every importer reports in one shape.
 */
export interface SourceIssue {
  /** File name (`abb-private-sector-SWE.md`, `_data/translations/principles.yml`) or `<csv name>:<line>`. */
  source: string;
  /** 1-based line in the source file, when known. */
  line?: number;
  severity: 'error' | 'warning';
  message: string;
  /** Stable dotted code, e.g. `supporters.source.unknown-category`. */
  code: string;
}

/**
 * Turns the `yaml` package's errors into issues. `lineOffset` is the number of lines before the YAML text in its file
 * (1 for Jekyll front matter, which starts after a `---` line), so the line points into the file, not the snippet.
 */
export function yamlErrorIssues(
  errors: readonly YAMLError[],
  context: { source: string; lineCounter: LineCounter; lineOffset: number; code: string },
): SourceIssue[] {
  return errors.map((error) => ({
    source: context.source,
    line: context.lineCounter.linePos(error.pos[0]).line + context.lineOffset,
    severity: 'error' as const,
    // The library's message ends with its own "at line N, column M:" and a code excerpt, both relative to the snippet.
    message: `invalid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    code: context.code,
  }));
}

export function hasErrors(issues: readonly SourceIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
