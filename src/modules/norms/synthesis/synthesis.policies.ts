/**
 * The synthesis is public (published practices only); the secretariat's tools list it beside the other ones, so the
 * account page offers it to the secretariat.
 */
import { definePolicies, rule } from '../../../app/authz/policy.js';
import { secretariatOnly } from '../../../app/authz/rules.js';

export const synthesisPolicies = definePolicies('practice-synthesis', {
  listInTools: rule((actor) => secretariatOnly(actor)),
});
