/**
 * The shape of a practice's content, checked wherever content enters (forms, API, imports, the reference bundle), and
 * the folded text the library searches.
 */
import { z } from 'zod';
import { foldText } from '../../../shared/text.js';
import { implementationStatuses, practiceKinds, practiceSectors } from './practices.constants.js';
import type { Localized, PracticeContent } from './practices.tables.js';

const localized = z.strictObject({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() });
const isoDate = z.iso.date();

export const practiceContentSchema = z.strictObject({
  title: localized,
  description: localized,
  original: z.enum(['en', 'fr']),
  kind: z.enum(practiceKinds),
  implementationStatus: z.enum(implementationStatuses),
  startedOn: isoDate.nullable(),
  endedOn: isoDate.nullable(),
  year: z.number().int().min(1990).max(2100),
  principles: z.array(z.number().int().min(1).max(9)),
  norms: z.array(z.string().regex(/^13[a-k]$/)),
  sectors: z.array(z.enum(practiceSectors)),
  countries: z.array(z.string().regex(/^[A-Z]{3}$/)),
  links: z.array(z.strictObject({ url: z.url({ protocol: /^https?$/ }), label: localized.optional() })),
  attachments: z.array(
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().min(1), mediaType: z.string().min(1), size: z.number().int().positive() }),
  ),
}) satisfies z.ZodType<PracticeContent>;

/** Folded title, description and attribution in every language: what the library's `like` terms run against. */
export function practiceSearchText(content: Pick<PracticeContent, 'title' | 'description'>, attribution?: Localized | null): string {
  const parts = [content.title, content.description, attribution ?? {}].flatMap((text) => [text.en, text.fr]);
  return foldText(parts.filter((part): part is string => Boolean(part)).join(' '));
}
