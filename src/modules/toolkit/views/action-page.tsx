import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { frameworkSheets, stakeholderKinds } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ActionDetail } from '../toolkit.queries.js';
import type { ToolkitFrameworkRow } from '../toolkit.repository.js';
import { RoleMark } from './stakeholders-page.js';
import { ActionTitle, Quotation, ToolkitNav, reportPage, toolkitHref } from './toolkit-parts.js';

/** A list of frameworks, each linking to its page and to its cell for this action. */
function FrameworkList(props: { locale: Locale; frameworks: ToolkitFrameworkRow[] }): JSX.Element {
  return (
    <ul>
      {props.frameworks.map((f) => (
        <li>
          <a href={toolkitHref.framework(props.locale, f.key)} lang="en" safe>
            {f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * One action across the frameworks: every quotation side by side (grouped by category, each with its provision, cell
 * and link), then the frameworks reviewed with nothing found, those not reviewed, and the stakeholder groups the
 * report's matrix marks for it.
 */
export function ActionPage(props: { locale: Locale; detail: ActionDetail }): JSX.Element {
  const { locale, detail } = props;
  const { action } = detail;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const marked = detail.roles.filter((r) => r.marked);
  return (
    <Layout locale={locale} title={`${action.code}: ${action.title}`} path={`/toolkit/actions/${action.code.toLowerCase()}`}>
      <ToolkitNav locale={locale} />
      <p class="eyebrow" safe>
        {t('action.heading', { code: action.code })}
      </p>
      <h1>
        <ActionTitle title={action.title} />
      </h1>
      <dl>
        <dt>{safeT('action.principle')}</dt>
        <dd safe>{t(`principle.${action.principle}`)}</dd>
      </dl>
      <p class="meta" safe>
        {t('action.titleSource', { page: reportPage(action.titleSource), workbook: action.workbookTitle })}
      </p>

      <h2>{safeT('action.quoted', { count: detail.quoted.length })}</h2>
      {detail.quoted.length === 0 ? <p>{safeT('action.quoted.none')}</p> : ''}
      {frameworkSheets.map(({ category }) => {
        const pairs = detail.quoted.filter((p) => p.framework.category === category);
        if (pairs.length === 0) return '';
        return (
          <section class="toolkit-group">
            <h3 safe>{t(`category.${category}`)}</h3>
            {pairs.map(({ framework, cell }) => (
              <article class="toolkit-quote">
                <h4>
                  <a href={toolkitHref.framework(locale, framework.key)} lang="en" safe>
                    {framework.name}
                  </a>
                </h4>
                <Quotation locale={locale} cell={cell} frameworkKey={framework.key} />
              </article>
            ))}
          </section>
        );
      })}

      <h2>{safeT('action.absent', { count: detail.reviewedAbsent.length })}</h2>
      <FrameworkList locale={locale} frameworks={detail.reviewedAbsent} />
      {detail.notReviewed.length > 0 ? (
        <>
          <h2>{safeT('action.notReviewed', { count: detail.notReviewed.length })}</h2>
          <FrameworkList locale={locale} frameworks={detail.notReviewed} />
        </>
      ) : (
        ''
      )}

      <h2>{safeT('action.stakeholders')}</h2>
      {detail.roles.length === 0 ? (
        <p>{safeT('action.stakeholders.empty')}</p>
      ) : marked.length === 0 ? (
        <p>{safeT('action.stakeholders.none')}</p>
      ) : (
        <ul>
          {stakeholderKinds.map((kind) => {
            const role = marked.find((r) => r.stakeholder === kind);
            return role ? (
              <li>
                <strong safe>{t(`stakeholder.${kind}`)}</strong>
                {' — '}
                <RoleMark locale={locale} role={role} />
              </li>
            ) : (
              ''
            );
          })}
        </ul>
      )}
      {detail.roles.length > 0 ? (
        <p>
          <span class="meta" safe>
            {t('cell.actionSource.value', { page: reportPage(detail.roles[0]!.source) })}
          </span>{' '}
          · <a href={toolkitHref.stakeholders(locale)}>{safeT('action.matrixLink')}</a>
        </p>
      ) : (
        ''
      )}
      <p class="meta">{safeT('toolkit.attribution')}</p>
    </Layout>
  );
}
