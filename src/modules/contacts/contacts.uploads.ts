/**
 * Forms that take a file (a key, an import) as multipart, or the same fields urlencoded: the file's text, or the text
 * field of the same purpose. A file cut at the size limit is refused as too large, never read half.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { formText } from '../../app/http/private-page.js';

type FormUpload = { name: string; bytes: Buffer; truncated: boolean };

export async function registerUploads(scope: FastifyInstance, maxBytes: number): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: maxBytes, parts: 12 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: FormUpload }).value = { name: part.filename, bytes, truncated: part.file.truncated };
    },
  });
}

/** The uploaded file's text when one was chosen, else the text field; `tooLarge` when the file was cut. */
export function uploadedText(body: unknown, fileField: string, textField: string): { text: string; tooLarge: boolean } {
  const file = (body as Record<string, unknown> | undefined)?.[fileField] as FormUpload | undefined;
  if (file && typeof file === 'object' && 'bytes' in file && file.name && (file.bytes.length > 0 || file.truncated)) {
    return { text: file.truncated ? '' : file.bytes.toString('utf8'), tooLarge: file.truncated };
  }
  return { text: formText(body, textField), tooLarge: false };
}
