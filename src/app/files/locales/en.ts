/** Why an uploaded file is refused, shown beside the file field. English is the type; French must match it. */
export const en = {
  'file.refused.type':
    '“{name}” is not a document the platform accepts: PDF, Office documents (Word, Excel, PowerPoint, OpenDocument) and images (PNG, JPEG, GIF, WebP) only, checked from the file’s content.',
  'file.refused.size': '“{name}” is larger than {max} MB.',
  'file.refused.empty': '“{name}” is empty.',
} as const;
