/** Small files of each kind for tests, made here (no binary fixtures): real magic numbers, minimal content. */
import ExcelJS from 'exceljs';

/** A one-page PDF as far as magic numbers go (file-type reads `%PDF`). */
export const samplePdf = (text = 'evidence'): Buffer => Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

/** A 1×1 transparent PNG. */
export const samplePng = (): Buffer =>
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e0005fe02fea7d6a4ad0000000049454e44ae426082', 'hex');

/** An Excel workbook written by exceljs. */
export async function sampleXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Evidence').addRow(['measure', 'in force']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A Compound File Binary container whose directory names `stream` (UTF-16LE), as Word 97 files do with `WordDocument`. */
export function sampleCompoundFile(stream: string): Buffer {
  const content = Buffer.alloc(2048);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(content);
  Buffer.from(stream, 'utf16le').copy(content, 1024);
  return content;
}

/** A page of HTML with a script: what must never be stored, whatever it is called. */
export const sampleHtml = (): Buffer => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
