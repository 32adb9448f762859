/** The layers' section of a published cell's page: other layers' corrections of it, and the way to suggest one. */
import type { Actor } from '../../../app/authz/actor.js';
import { can } from '../../../app/authz/policy.js';
import type { Executor } from '../../../app/database/database.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { toolkitPolicies } from '../toolkit.policies.js';
import { correctionsOfPublishedCell, representedSupporters } from './layers.queries.js';
import { CellCorrections } from './views/cell-corrections.js';

/** Rendered markup; the link shows only to the secretariat and to representatives of a verified supporter. */
export async function cellLayersSection(input: { db: Executor; actor: Actor; locale: Locale; framework: string; action: string }): Promise<string> {
  const corrections = await correctionsOfPublishedCell(input);
  const curated = { immutable: false };
  const mayCorrect =
    can(input.actor, toolkitPolicies.writeLayer, curated) ||
    (await representedSupporters(input)).some((supporter) => can(input.actor, toolkitPolicies.propose, { ...curated, supporter }));
  const suggestUrl = mayCorrect ? `/${input.locale}/toolkit/corrections/new?framework=${input.framework}&action=${input.action.toLowerCase()}` : null;
  return CellCorrections({ locale: input.locale, corrections, suggestUrl }) as string;
}
