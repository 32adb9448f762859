import type { Locale } from '../i18n/i18n.js';
import type { RelatedWork } from '../related.js';

/** The modules' work that serves a principle or a norm, as listed on that principle's or norm's page. */
export function RelatedWorkList({ locale, related }: { locale: Locale; related: readonly RelatedWork[] }): JSX.Element {
  return (
    <ul class="related-work">
      {related.map((work) => (
        <li>
          <a href={`/${locale}${work.path}`} safe>
            {work.title(locale)}
          </a>
          <p safe>{work.summary(locale)}</p>
        </li>
      ))}
    </ul>
  );
}
