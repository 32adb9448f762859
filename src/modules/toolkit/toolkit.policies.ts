/**
 * Who may do what with the toolkit's data. The secretariat (from a second-factor session) and the system import a
 * published layer; nothing writes to a published layer afterwards. The secretariat creates curated layers and writes
 * in them (frameworks, cell corrections); the representatives of a verified supporter propose changes to a curated
 * layer, which the secretariat accepts or rejects. Everyone reads (no rule: public pages and the read API ask nothing).
 */
import { definePolicies, refuse, rule, userRule, allow } from '../../app/authz/policy.js';
import { holds, secretariatOnly, secretariatOrSystem } from '../../app/authz/rules.js';
import type { VerificationLevel } from '../supporters/supporters.constants.js';
import { proposingLevels } from './layers/layers.constants.js';
import { layerImmutable, notAProposer } from './layers/layers.errors.js';

/** A layer as its rules see it. */
interface LayerSubject {
  immutable: boolean;
}

/** The supporter a proposal is made for, as the supporters module's queries give it. */
export interface ProposingSupporter {
  id: string;
  status: string;
  verificationLevel: string;
}

/** A published, verified supporter (see `proposingLevels`) whose representative the actor is. */
const speaksForVerified = (actor: Parameters<typeof holds>[0], supporter: ProposingSupporter | null): boolean =>
  supporter !== null &&
  supporter.status === 'published' &&
  proposingLevels.includes(supporter.verificationLevel as VerificationLevel) &&
  holds(actor, 'representative', supporter.id);

export const toolkitPolicies = definePolicies('toolkit', {
  /** Importing a published data set (the WG6 2021 workbook and report). */
  importPublished: rule((actor) => secretariatOrSystem(actor)),
  /** Creating a curated layer. */
  createLayer: rule((actor) => secretariatOnly(actor)),
  /** Adding or editing a framework, or correcting a cell, in a layer: the secretariat, never in a published layer. */
  writeLayer: rule<LayerSubject>((actor, layer) => {
    const verdict = secretariatOnly(actor);
    if (!verdict.allowed) return verdict;
    return layer.immutable ? refuse(layerImmutable) : allow;
  }),
  /** Proposing a framework or a correction for a curated layer, for a verified supporter one represents. */
  propose: userRule<LayerSubject & { supporter: ProposingSupporter | null }>((actor, subject) => {
    if (!speaksForVerified(actor, subject.supporter)) return refuse(notAProposer);
    return subject.immutable ? refuse(layerImmutable) : allow;
  }),
  /** Reaching the contribution forms and one's own proposals: anyone signed in (the forms say who may send them). */
  contribute: userRule(() => allow),
  /** The queue of proposals and the decisions on them. */
  moderateProposals: rule((actor) => secretariatOnly(actor)),
});
