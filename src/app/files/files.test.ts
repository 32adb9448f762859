import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../database/test-utils.js';
import type { DatabaseHandle } from '../database/database.js';
import { AppError } from '../http/errors.js';
import { attachmentDisposition, safeMediaType } from './files.http.js';
import { maxFileBytes, readStoredFile, storeFile } from './files.js';
import { sampleCompoundFile, sampleHtml, samplePdf, samplePng, sampleXlsx } from './files.test-utils.js';
import { checkFile, fileName } from './files.types.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('what the files store accepts, from the content', () => {
  it.each([
    ['a PDF', () => samplePdf(), 'report.pdf', 'application/pdf', 'report.pdf'],
    ['a PNG', () => samplePng(), 'chart.png', 'image/png', 'chart.png'],
    ['an Excel workbook', () => sampleXlsx(), 'figures.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'figures.xlsx'],
    ['a Word 97 document', () => sampleCompoundFile('WordDocument'), 'law.doc', 'application/msword', 'law.doc'],
    ['a PowerPoint 97 deck', () => sampleCompoundFile('PowerPoint Document'), 'deck.ppt', 'application/vnd.ms-powerpoint', 'deck.ppt'],
    ['a PDF named as a page', () => samplePdf(), 'report.html', 'application/pdf', 'report.html.pdf'],
  ])('accepts %s, typed by its content and named with its extension', async (_what, bytes, name, mediaType, served) => {
    expect(await checkFile(await bytes(), name, maxFileBytes)).toEqual({ ok: true, mediaType, name: served });
  });

  it.each([
    ['an HTML page renamed .pdf', () => sampleHtml(), 'type'],
    ['a Compound File that is no Office document (an installer)', () => sampleCompoundFile('SummaryInformation'), 'type'],
    ['an SVG image (it can carry scripts)', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'type'],
    ['an empty file', () => Buffer.alloc(0), 'empty'],
  ])('refuses %s', async (_what, bytes, reason) => {
    expect(await checkFile(bytes(), 'evidence.pdf', maxFileBytes)).toMatchObject({ ok: false, reason });
  });

  it('refuses a file over the ceiling before looking at its type', async () => {
    expect(await checkFile(Buffer.alloc(11), 'big.pdf', 10)).toMatchObject({ ok: false, reason: 'size' });
  });

  it('keeps the last part of a declared name, without control characters, at most 150 characters', () => {
    expect(fileName('C:\\Users\\me\\Désktop\\rapport\u202Efdp.pdf', 'application/pdf')).toBe('rapportfdp.pdf');
    expect(fileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(fileName('', 'image/jpeg')).toBe('document.jpg');
    expect(fileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    const long = fileName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(long).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('storing', () => {
  it('stores by SHA-256 once, whatever the name, and reads the bytes back', async () => {
    const db = database.db;
    const first = await storeFile(db, samplePdf('same'), { declaredName: 'a.pdf' });
    const second = await storeFile(db, samplePdf('same'), { declaredName: 'b.pdf' });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toEqual({ ...first, name: 'b.pdf' });
    const row = await readStoredFile(db, first.sha256);
    expect(row).toMatchObject({ mediaType: 'application/pdf', size: samplePdf('same').length });
    expect(Buffer.compare(row!.content, samplePdf('same'))).toBe(0);
  });

  it('refuses with a localized sentence naming the file, and stores nothing', async () => {
    const error = await storeFile(database.db, sampleHtml(), { declaredName: 'évidence.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('files.refused');
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).localize('fr')).toContain('« évidence.pdf » n’est pas un document que la plateforme accepte');
    const tooBig = await storeFile(database.db, samplePdf(), { declaredName: 'big.pdf', maxBytes: 10 }).catch((e: unknown) => e);
    expect((tooBig as AppError).localize('en')).toBe('“big.pdf” is larger than 0 MB.');
  });
});

describe('sending', () => {
  it('names the download for old and new clients (RFC 6266) and never sends a type a browser would render', () => {
    expect(attachmentDisposition('Rapport “final” été.pdf')).toBe(`attachment; filename="Rapport final ete.pdf"; filename*=UTF-8''Rapport%20%E2%80%9Cfinal%E2%80%9D%20%C3%A9t%C3%A9.pdf`);
    expect(attachmentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
    expect(safeMediaType('application/pdf')).toBe('application/pdf');
    expect(safeMediaType('text/html')).toBe('application/octet-stream');
  });
});
