import { describe, expect, it } from 'vitest';
import { csvRecords, csvRows } from './csv-rows.js';

describe('csvRows (the open data\'s large CSV files)', () => {
  it('reads quoted fields with quotes, commas and line breaks, CRLF or LF, a BOM, and skips empty lines', () => {
    const text = '\ufeffID,name,region\r\n2,"Korea, Republic of","[\'ASIA\', ""SCS""]"\r\n\r\n3,,"two\nlines"\n';
    expect(csvRows(text)).toEqual([
      { ID: '2', name: 'Korea, Republic of', region: '[\'ASIA\', "SCS"]' },
      { ID: '3', name: '', region: 'two\nlines' },
    ]);
  });

  it('keeps a last line without a line end and empty fields at the ends of a line', () => {
    expect(csvRecords('a,b\n,\n1,2')).toEqual([['a', 'b'], ['', ''], ['1', '2']]);
  });

  it('refuses a row whose length differs from the header, and a quote left open', () => {
    expect(() => csvRows('a,b\n1,2\n3\n')).toThrow(/record 3: 1 fields, the header has 2/);
    expect(() => csvRows('a,b\n1,"2\n')).toThrow(/not closed/);
    expect(() => csvRows('a,b\n1,"2"x\n')).toThrow(/after a closing quote/);
  });
});
