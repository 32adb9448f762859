import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import type { ClaimContext } from '../applications.claims.js';
import { applicationMessages } from '../applications.messages.js';
import type { ApplicationRow } from '../applications.tables.js';

/**
 * The part of the review page that makes a claim a claim: which entry it is about (linked), who represents that entry
 * today and who is claiming it, named side by side, and any other claim on the same entry. When the entry already has
 * representatives the page says so before anything else, so a second claimant is never approved unawares.
 */
export function ClaimPanel(props: { locale: Locale; claim: ApplicationRow; entry: SupporterRow | undefined; context: ClaimContext }): JSX.Element {
  const { locale, claim, context } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const represented = context.representatives.length > 0;
  const person = (name: string | null, email: string | null) => [name, email].filter(Boolean).join(' · ') || '—';
  return (
    <section aria-labelledby="claim-title" class={represented ? 'notice' : undefined}>
      <h2 id="claim-title">{safeT('review.claim.title')}</h2>
      <p>
        {safeT('review.claim.entry')}{' '}
        {props.entry ? (
          <a href={`/${locale}/supporters/${encodeURIComponent(props.entry.slug)}`} safe>
            {props.entry.name}
          </a>
        ) : (
          <span safe>{claim.name}</span>
        )}
      </p>
      <p>
        <strong>{safeT(represented ? 'review.claim.represented' : 'review.claim.unrepresented')}</strong>
      </p>
      <dl class="facts">
        {represented ? (
          <>
            <dt>{safeT('review.claim.representatives')}</dt>
            <dd>
              <ul>
                {context.representatives.map((r) => (
                  <li safe>{person(r.name, r.email)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
        <dt>{safeT('review.claim.claimant')}</dt>
        <dd safe>{person(claim.executiveName, claim.executiveEmail)}</dd>
        {context.otherClaims.length ? (
          <>
            <dt>{safeT('review.claim.others')}</dt>
            <dd>
              <ul>
                {context.otherClaims.map((other) => (
                  <li>
                    <a href={`/${locale}/secretariat/applications/${other.id}`} safe>
                      {person(other.executiveName, other.executiveEmail)}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
    </section>
  );
}
