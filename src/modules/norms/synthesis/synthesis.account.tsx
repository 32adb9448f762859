/** On a secretariat member's account page, with the other tools: the way to generate a synthesis. */
import { can } from '../../../app/authz/policy.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { registerAccountSection } from '../../accounts/accounts.sections.js';
import { synthesisMessages } from './synthesis.messages.js';
import { synthesisPolicies } from './synthesis.policies.js';
import { synthesisPath } from './views/synthesis-page.js';

function SynthesisAccountLink(props: { locale: Locale }): JSX.Element {
  const safeT = escaping(synthesisMessages(props.locale));
  return (
    <section aria-labelledby="practice-synthesis-title">
      <h2 id="practice-synthesis-title">{safeT('synthesis.account.title')}</h2>
      <p>
        <a class="button secondary" href={synthesisPath(props.locale)}>
          {safeT('synthesis.account.link')}
        </a>
      </p>
    </section>
  );
}

export function registerSynthesisAccountSection(): void {
  registerAccountSection({
    name: 'practice-synthesis',
    order: 40,
    render: ({ actor, locale }) => (can(actor, synthesisPolicies.listInTools, undefined) ? SynthesisAccountLink({ locale }) : ''),
  });
}
