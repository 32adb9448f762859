import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedDir } from '../../../../test/helpers/shared-data.js';
import { readStakeholderMatrix } from './toolkit.report-matrix.js';
import { readReportActions } from './toolkit.report-text.js';
import { wg6Files } from './toolkit.source.js';
import { ToolkitSourceError } from './toolkit.source-error.js';

const reportPath = path.join(sharedDir, 'data/reports-text', wg6Files.reportText);
const report = needsShared('the WG6 report text', reportPath);

describe.skipIf(!report.available)(report.title('the stakeholder matrix of the WG6 report (pp. 26–31)'), () => {
  const read = () => {
    const text = fs.readFileSync(reportPath, 'utf8');
    const titles = new Map(readReportActions(text, 'report.txt').map((a) => [a.code, a.title]));
    return readStakeholderMatrix(text, 'report.txt', titles);
  };
  const cell = (action: string, stakeholder: string) => read().find((r) => r.action === action && r.stakeholder === stakeholder);

  it('reads 25 × 4 cells and the marks of each group as the report prints them', () => {
    const roles = read();
    expect(roles).toHaveLength(100);
    const marked = (stakeholder: string) => roles.filter((r) => r.stakeholder === stakeholder && r.marked).map((r) => r.action);
    expect(marked('public-sector')).toHaveLength(24);
    expect(marked('public-sector')).not.toContain('A1');
    expect(marked('international-organizations')).toEqual(['A7', 'A8', 'A9', 'A10', 'A12', 'A14', 'A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A22', 'A23', 'A24', 'A25']);
    expect(roles.filter((r) => r.stakeholder === 'supply-side' && !r.marked).map((r) => r.action)).toEqual(['A13', 'A19']);
    expect(marked('demand-side')).toEqual(['A7', 'A8', 'A9', 'A12', 'A14', 'A15', 'A16', 'A18', 'A20', 'A21', 'A22', 'A23', 'A24']);
  });

  it('keeps each condition with its group, words cut by the column joined again', () => {
    expect(cell('A2', 'public-sector')?.condition).toBe('if it is a customer of ICT products and services');
    expect(cell('A3', 'public-sector')?.condition).toBe('if it is a developer/producer of ICT products and services');
    // The report prints "developer/product" here: kept as printed.
    expect(cell('A4', 'public-sector')?.condition).toBe('if it is both a customer and developer/product of ICT products and services');
    expect(cell('A24', 'public-sector')?.condition).toBe('public sector could develop, adopt and implement, as a customer/end-user of ICT products and services, such approaches and policies');
    expect(cell('A22', 'international-organizations')?.condition).toBe('international institutions could help seek interoperability/harmonization in such policies across national jurisdictions');
    expect(cell('A13', 'public-sector')).toMatchObject({ marked: true, condition: null, source: 'report p. 28' });
  });

  it('tells merged cells and "except for mainstream users" apart from a group\'s own cell', () => {
    const all = ['public-sector', 'international-organizations', 'supply-side', 'demand-side'];
    for (const action of ['A8', 'A9', 'A12', 'A16', 'A18', 'A20']) {
      expect(cell(action, 'public-sector'), action).toMatchObject({ mergedWith: all, excludesMainstreamUsers: true });
    }
    for (const action of ['A7', 'A14', 'A15', 'A21']) expect(cell(action, 'demand-side')?.mergedWith, action).toEqual(['supply-side', 'demand-side']);
    expect(cell('A14', 'demand-side')).toMatchObject({ excludesMainstreamUsers: false, condition: expect.stringMatching(/^where mainstream users could be specifically advised/) });
    expect(cell('A24', 'demand-side')).toMatchObject({ marked: true, mergedWith: null, excludesMainstreamUsers: true, condition: null, source: 'report p. 31' });
    expect(cell('A22', 'demand-side')).toMatchObject({ mergedWith: null, condition: expect.stringMatching(/^e\.g\. SMEs could participate in innovative policies/) });
    expect(cell('A1', 'supply-side')).toMatchObject({ marked: true, mergedWith: null, source: 'report p. 26' });
  });
});

describe('a stakeholder matrix the project writes itself', () => {
  const header = '  OECD high-level        Public sector      International     Private sector on     Private sector';
  const text = [
    header,
    '',
    'Transparency and information sharing',
    '',
    'A1: First action             ✗                                  ✗',
    'title goes on             (if it is a',
    '                        developer/produ',
    '                          cer of things)',
    '',
    'A2: Second                             ✗, except for mainstream users',
    '                  (all groups have a role to play in this second action, each in its own way and',
    '                                   according to its means)',
    '',
    '                      Page 7 / 9',
  ].join('\n');
  const titles = new Map([
    ['A1', 'First action title goes on'],
    ['A2', 'Second'],
  ]);

  it('reads marks, conditions and a merged cell by position', () => {
    const roles = readStakeholderMatrix(text, 'mine.txt', titles, 2);
    const row = (action: string) => roles.filter((r) => r.action === action).map((r) => [r.stakeholder, r.marked, r.condition, r.mergedWith?.length ?? 1, r.excludesMainstreamUsers]);
    expect(row('A1')).toEqual([
      ['public-sector', true, 'if it is a developer/producer of things', 1, false],
      ['international-organizations', false, null, 1, false],
      ['supply-side', true, null, 1, false],
      ['demand-side', false, null, 1, false],
    ]);
    const merged = ['all groups have a role to play in this second action, each in its own way and according to its means', 4, true];
    expect(row('A2')).toEqual([['public-sector', true, ...merged], ['international-organizations', true, ...merged], ['supply-side', true, ...merged], ['demand-side', true, ...merged]]);
    expect(roles.every((r) => r.source === 'report p. 7')).toBe(true);
    // The real report has 25 rows; a text with two is refused unless told otherwise.
    expect(() => readStakeholderMatrix(text, 'mine.txt', titles)).toThrow(/2 rows, expected 25/);
  });

  it('names the line of a row out of order', () => {
    const shuffled = text.replace('A2: Second', 'A3: Second');
    const error = (() => {
      try {
        readStakeholderMatrix(shuffled, 'mine.txt', titles, 2);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ToolkitSourceError);
    expect(error).toMatchObject({ where: 'mine.txt:10', problem: 'expected the matrix row of A2, found A3' });
  });
});
