/** What the practice routes take from paths, queries and forms, checked at the edge. */
import { z } from 'zod';
import { pathIdentifier } from '../../../shared/text-input.js';

/** A practice's id (`prc_…`): anything else names no practice (404). */
export const practiceId = z.string().regex(/^prc_[A-Za-z0-9_-]{1,60}$/);
export const practiceParamsSchema = z.object({ id: practiceId });
export const fileParamsSchema = z.object({ id: practiceId, sha256: z.string().regex(/^[0-9a-f]{64}$/), name: pathIdentifier(255) });

/** `?text=original`: the page shows the original text rather than the translation into its language. */
export const practiceQuerySchema = z.object({ text: z.enum(['original']).optional() });

/** The revision a moderator decides on, as the review page's forms send it. */
export const revisionNumber = z.coerce.number().int().min(1).max(100_000);
