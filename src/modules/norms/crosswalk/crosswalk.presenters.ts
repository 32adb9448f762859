import type { z } from 'zod';
import { paragraphOf, type CrosswalkLink } from './crosswalk.models.js';
import type { crosswalkLinkSchema } from './crosswalk.schemas.js';

/** A link as the API gives it: its pair, rationale and source; who edited it stays in the audit log. */
export function presentLink(link: CrosswalkLink): z.infer<typeof crosswalkLinkSchema> {
  const rationale = link.rationale.fr ? { en: link.rationale.en, fr: link.rationale.fr } : { en: link.rationale.en };
  return {
    principle: link.principleNumber,
    norm: link.normCode,
    paragraph: paragraphOf(link.normCode),
    rationale,
    source: link.source ? { document: link.source.document, page: link.source.page } : null,
    edited: link.editedBy !== null,
  };
}
