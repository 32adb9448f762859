/** Consultations as the API shows them (the shapes of consultations.schemas.ts). */
import type { z } from 'zod';
import type { Held, ListedConsultation, PublicDisposition, ShownInput } from './consultations.queries.js';
import type { consultationDetailSchema, consultationSummarySchema, publicDispositionSchema, publicInputSchema } from './consultations.schemas.js';
import type { ParagraphRow } from './consultations.tables.js';
import { instantToLocal, offsetMinutes } from './consultations.time.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** `2027-01-15T18:00+01:00`: the local time in the zone, with its offset (RFC 3339). */
function localWithOffset(instant: Date, timeZone: string): string {
  const minutes = offsetMinutes(instant, timeZone);
  const abs = Math.abs(minutes);
  return `${instantToLocal(instant, timeZone)}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function presentConsultation({ consultation: c, group, phase }: ListedConsultation): z.infer<typeof consultationSummarySchema> {
  return {
    id: c.id,
    group: { slug: group.slug, name: group.name },
    title: c.title,
    introduction: c.introduction,
    kind: c.kind as 'draft',
    audience: c.audience as 'public',
    language: c.language,
    state: phase === 'draft' ? 'open' : phase,
    opensAt: iso(c.opensAt),
    closesAt: c.closesAt.toISOString(),
    timeZone: c.timeZone,
    closesAtLocal: localWithOffset(c.closesAt, c.timeZone),
    concludedAt: iso(c.concludedAt),
    path: `/consultations/${c.id}`,
  };
}

export function presentDetail(held: Held, paragraphs: ParagraphRow[], revised: ParagraphRow[], numbers: Map<string, number>): z.infer<typeof consultationDetailSchema> {
  return {
    ...presentConsultation(held),
    paragraphs: paragraphs.map((p) => ({ number: p.number, body: p.body })),
    synthesis: held.consultation.synthesis,
    revised: revised.map((p) => ({ number: p.number, body: p.body, changedBy: p.changedBy.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined) })),
  };
}

export function presentInput(input: ShownInput): z.infer<typeof publicInputSchema> {
  return {
    number: input.number,
    paragraph: input.paragraph,
    publication: input.publication as 'named',
    author: input.author,
    organisation: input.organisation,
    language: input.language,
    body: input.body,
    createdAt: input.createdAt.toISOString(),
  };
}

export function presentDisposition({ input, disposition, history }: PublicDisposition): z.infer<typeof publicDispositionSchema> {
  return {
    input: input.number,
    paragraph: input.paragraph,
    author: input.author,
    organisation: input.organisation,
    outcome: disposition.outcome as 'accepted',
    reason: disposition.reason,
    version: disposition.version,
    decidedAt: disposition.updatedAt.toISOString(),
    history: history.map((v) => ({ version: v.version, outcome: v.outcome as 'accepted', reason: v.reason, decidedAt: v.updatedAt.toISOString() })),
  };
}
