import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { BundleFileError, formatBundleFile, parseBundleFile, readBundleFile } from './bundle-file.js';

const provenance = { file: 'demo/items.jsonl', contents: 'demo items', source: 'a test', version: '2026-01-31', licence: 'CC0-1.0' };
const item = z.strictObject({ id: z.number().int(), name: z.string().min(1) });
const items = [
  { id: 1, name: 'one' },
  { id: 2, name: 'two' },
];

function errorOf(run: () => unknown): BundleFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof BundleFileError) return error;
    throw error;
  }
  throw new Error('expected a BundleFileError');
}

describe('reference bundle files', () => {
  it('write one record per line after a provenance header, and read back the same records', () => {
    const text = formatBundleFile(provenance, items);
    expect(text.split('\n')).toEqual([
      '{"$bundle":{"file":"demo/items.jsonl","contents":"demo items","source":"a test","version":"2026-01-31","licence":"CC0-1.0","records":2}}',
      '{"id":1,"name":"one"}',
      '{"id":2,"name":"two"}',
      '',
    ]);
    expect(parseBundleFile('demo/items.jsonl', text, item)).toEqual({ provenance: { ...provenance, records: 2 }, records: items });
  });

  it('name the file and the line of a record that is not JSON', () => {
    const text = formatBundleFile(provenance, items).replace('{"id":2,', '{"id":2');
    const error = errorOf(() => parseBundleFile('demo/items.jsonl', text, item));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^reference\/demo\/items\.jsonl:3: not valid JSON/);
  });

  it('name the file, the line and the field of a record that breaks its schema', () => {
    const text = formatBundleFile(provenance, [items[0], { id: 'two', name: '' }]);
    const error = errorOf(() => parseBundleFile('demo/items.jsonl', text, item));
    expect(error.message).toBe('reference/demo/items.jsonl:3: id: Invalid input: expected number, received string; name: Too small: expected string to have >=1 characters');
  });

  it('refuse a file without its provenance, or whose record count disagrees with its header', () => {
    expect(errorOf(() => parseBundleFile('x.jsonl', '{"id":1,"name":"one"}\n', item)).message).toMatch(/^reference\/x\.jsonl:1: provenance header: \$bundle/);
    const withoutLicence = formatBundleFile({ ...provenance, licence: '' }, items);
    expect(errorOf(() => parseBundleFile('x.jsonl', withoutLicence, item)).message).toMatch(/licence/);
    const truncated = formatBundleFile(provenance, items).split('\n').slice(0, 2).join('\n');
    expect(errorOf(() => parseBundleFile('x.jsonl', truncated, item)).message).toBe('reference/x.jsonl: the header announces 2 records, the file has 1');
  });

  it('say which file is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-bundle-'));
    await expect(readBundleFile(dir, 'registry/none.jsonl', item)).rejects.toThrow('reference/registry/none.jsonl: file not found');
    fs.rmSync(dir, { recursive: true });
  });
});
