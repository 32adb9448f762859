/** Response shapes of the toolkit's read API. */
import type { z } from 'zod';
import type { ActionView, FrameworkView } from './toolkit.queries.js';
import type { actionSchema, frameworkSchema } from './toolkit.schemas.js';

export function presentFramework(f: FrameworkView): z.infer<typeof frameworkSchema> {
  return {
    key: f.key,
    name: f.name,
    category: f.category,
    documentType: f.documentType,
    recipients: f.recipients as z.infer<typeof frameworkSchema>['recipients'],
    resources: f.resources,
    quoted: f.quoted,
    reviewedAbsent: f.reviewedAbsent,
    source: f.source as z.infer<typeof frameworkSchema>['source'],
  };
}

export function presentAction(a: ActionView): z.infer<typeof actionSchema> {
  return { code: a.code, principle: a.principle, title: a.title, titleSource: a.titleSource, workbookTitle: a.workbookTitle, quoted: a.quoted, reviewedAbsent: a.reviewedAbsent };
}
