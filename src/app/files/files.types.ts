/**
 * What the store accepts, decided from the bytes (magic numbers, through `file-type`), never from the name or the type
 * the browser claimed: PDF, Office documents (Open XML, OpenDocument, and the legacy binary formats), and the common
 * raster images. SVG is not among them: it is a document that can carry scripts.
 */
import { fileTypeFromBuffer } from 'file-type';

/** Accepted media types and the extension a download of each gets. */
export const acceptedTypes: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** Other extensions a name of that type may already end with (`.jpeg` for a JPEG). */
const alsoAccepted: Readonly<Record<string, readonly string[]>> = { jpg: ['jpeg', 'jpe'] };

/**
 * The legacy Office formats are all Compound File Binary containers (as are Windows installers and Outlook messages):
 * what tells them apart is the name of the main stream in the container's directory, stored in UTF-16LE.
 */
const compoundStreams: ReadonlyArray<[stream: string, mediaType: string]> = [
  ['WordDocument', 'application/msword'],
  ['Workbook', 'application/vnd.ms-excel'],
  ['PowerPoint Document', 'application/vnd.ms-powerpoint'],
];

async function detectType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  if (detected.mime === 'application/x-cfb') {
    const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return compoundStreams.find(([stream]) => content.includes(Buffer.from(stream, 'utf16le')))?.[1] ?? null;
  }
  return detected.mime in acceptedTypes ? detected.mime : null;
}

export type FileCheck = { ok: true; mediaType: string; name: string } | { ok: false; reason: 'type' | 'size' | 'empty'; name: string };

/**
 * A name safe to show and to send back in a download: the last part of a path, without control characters, at most 150
 * characters, and ending with the extension of the type the content was found to be (`report.html` holding a PDF is
 * served as `report.html.pdf`, so a download never opens as what the name claimed).
 */
export function fileName(declared: string, mediaType: string | null): string {
  const base = (declared.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extension = mediaType ? acceptedTypes[mediaType] : undefined;
  let name = base || 'document';
  const current = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  if (extension && current !== extension && !alsoAccepted[extension]?.includes(current ?? '')) name = `${name}.${extension}`;
  if (name.length <= 150) return name;
  const suffix = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  return `${name.slice(0, 150 - suffix.length)}${suffix}`;
}

/** Checks an upload: not empty, at most `maxBytes`, and of an accepted type by its content. */
export async function checkFile(bytes: Uint8Array, declaredName: string, maxBytes: number): Promise<FileCheck> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty', name: fileName(declaredName, null) };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: 'size', name: fileName(declaredName, null) };
  const mediaType = await detectType(bytes);
  if (!mediaType) return { ok: false, reason: 'type', name: fileName(declaredName, null) };
  return { ok: true, mediaType, name: fileName(declaredName, mediaType) };
}
