/**
 * How a stored file goes out: always as a download (`Content-Disposition: attachment`, RFC 6266, with the UTF-8 name
 * in `filename*`), of the type its content was checked to be (anything else as `application/octet-stream`), with
 * `nosniff` and a sandboxing CSP, so a browser never renders an upload as a page of the platform.
 */
import type { FastifyReply } from 'fastify';
import type { StoredFileRow } from './files.repository.js';
import { acceptedTypes } from './files.types.js';

/** RFC 5987 `attr-char` keeps letters, digits and `!#$&+-.^_`|~`: everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The header value: an ASCII `filename` for old clients, and the exact name in `filename*`. */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7E]/g, '').replace(/["\\%]/g, '_').trim() || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** The type sent: the checked one when the store accepts it, else bytes without a type a browser would act on. */
export function safeMediaType(mediaType: string): string {
  return mediaType in acceptedTypes ? mediaType : 'application/octet-stream';
}

/**
 * Sends a stored file as a download named `name`. `audience: 'private'` (a draft's evidence) keeps it out of every
 * cache; a public file may be kept a few minutes (its address names its content, but its practice may be withdrawn).
 */
export function sendStoredFile(reply: FastifyReply, file: Pick<StoredFileRow, 'content' | 'mediaType' | 'size'>, options: { name: string; audience: 'public' | 'private' }) {
  return reply
    .header('content-type', safeMediaType(file.mediaType))
    .header('content-disposition', attachmentDisposition(options.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', options.audience === 'private' ? 'private, no-store' : 'public, max-age=300')
    .send(file.content);
}
