import { FieldError } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { groupsOf, organisationKinds, recipientOf, type OrganisationKind, type OrganisationProfile } from '../toolkit.applicability.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { RoleAction } from '../toolkit.queries.js';
import { StakeholderNote } from './stakeholder-note.js';
import { ActionTitle, ToolkitNav, reportPage, toolkitHref } from './toolkit-parts.js';

export interface MyRoleProps {
  locale: Locale;
  /** What the form sent; `kind` undefined shows the form alone. */
  answers: { kind: OrganisationKind | undefined; buys: boolean; develops: boolean };
  result: { loaded: boolean; actions: RoleAction[] } | null;
  /** The form was sent without saying what the organisation is. */
  missingKind: boolean;
}

/** One action with the notes that make it concern (or not) the organisation, and the frameworks that cover it. */
function RoleActionItem(props: { locale: Locale; item: RoleAction; withFrameworks: boolean }): JSX.Element {
  const { locale, item } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <li>
      <a href={toolkitHref.action(locale, item.action.code)}>
        {item.action.code as 'safe'}: <ActionTitle title={item.action.title} />
      </a>
      {item.applicability.applies ? (
        <>
          {' '}
          <span class="badge pass">{safeT('myRole.concerns')}</span>
        </>
      ) : (
        ''
      )}
      {item.applicability.reasons.length > 0 ? (
        <ul>
          {item.applicability.reasons.map((reason) => (
            <li>
              <strong safe>{t(`stakeholder.${reason.stakeholder}`)}</strong>
              {': X'}
              <StakeholderNote role={{ condition: reason.condition, excludesMainstreamUsers: false }} />{' '}
              <span class="meta" safe>{`(${t('cell.actionSource.value', { page: reportPage(reason.source) })})`}</span>
              {reason.met ? '' : <span safe>{` — ${t('myRole.unmet')}`}</span>}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {props.withFrameworks ? (
        item.frameworks.length === 0 ? (
          <p class="meta">{safeT('myRole.frameworks.none')}</p>
        ) : (
          <details>
            <summary>{safeT('myRole.frameworks', { count: item.frameworks.length })}</summary>
            <ul>
              {item.frameworks.map((f) => (
                <li>
                  <a href={toolkitHref.cell(locale, f.key, item.action.code)} lang="en" safe>
                    {f.name}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )
      ) : (
        ''
      )}
    </li>
  );
}

/**
 * "My role": a GET form (what the organisation is, whether it buys and/or develops ICT products and services), then
 * the actions that concern it, each with the matrix notes that justify it and the frameworks addressed to its kind
 * that cover it, and the actions that do not.
 */
export function MyRolePage(props: MyRoleProps): JSX.Element {
  const { locale, answers, result, missingKind } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const query = answers.kind ? `?kind=${answers.kind}${answers.buys ? '&buys=yes' : ''}${answers.develops ? '&develops=yes' : ''}` : '';
  const profile: OrganisationProfile | null = answers.kind ? { kind: answers.kind, buysIct: answers.buys, developsIct: answers.develops } : null;
  const applying = result?.actions.filter((a) => a.applicability.applies) ?? [];
  const others = result?.actions.filter((a) => !a.applicability.applies) ?? [];
  return (
    <Layout locale={locale} title={t('myRole.title')} path={`/toolkit/stakeholders/mine${query}`}>
      <ToolkitNav locale={locale} current="myRole" />
      <h1>{safeT('myRole.title')}</h1>
      <p class="lead">{safeT('myRole.intro')}</p>
      <form method="get" action={toolkitHref.myRole(locale)} class="form">
        <fieldset aria-describedby={missingKind ? 'kind-error' : undefined}>
          <legend>{safeT('myRole.kind')}</legend>
          <FieldError name="kind" message={missingKind ? t('myRole.kind.error') : undefined} />
          {organisationKinds.map((kind) => (
            <div class="check">
              <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={answers.kind === kind} required />
              <label for={`kind-${kind}`} safe>
                {t(`myRole.kind.${kind}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset aria-describedby="ict-hint">
          <legend>{safeT('myRole.ict')}</legend>
          <p class="hint" id="ict-hint">
            {safeT('myRole.ict.hint')}
          </p>
          <div class="check">
            <input type="checkbox" id="buys" name="buys" value="yes" checked={answers.buys} />
            <label for="buys">{safeT('myRole.buys')}</label>
          </div>
          <div class="check">
            <input type="checkbox" id="develops" name="develops" value="yes" checked={answers.develops} />
            <label for="develops">{safeT('myRole.develops')}</label>
          </div>
        </fieldset>
        <button type="submit">{safeT('myRole.submit')}</button>
      </form>
      {profile && result && !result.loaded ? <p>{safeT('stakeholders.empty')}</p> : ''}
      {profile && result?.loaded ? (
        <>
          <p role="status">
            {safeT('myRole.groups', {
              groups: groupsOf(profile)
                .map((g) => t(`stakeholder.${g}`))
                .join(locale === 'fr' ? ' ; ' : '; '),
              recipient: t(`recipient.${recipientOf(profile)}`),
            })}
          </p>
          <h2>{safeT('myRole.applies', { count: applying.length })}</h2>
          <ul class="toolkit-role">
            {applying.map((item) => (
              <RoleActionItem locale={locale} item={item} withFrameworks />
            ))}
          </ul>
          <h2>{safeT('myRole.notApplies', { count: others.length })}</h2>
          <ul class="toolkit-role">
            {others.map((item) => (
              <RoleActionItem locale={locale} item={item} withFrameworks={false} />
            ))}
          </ul>
          <p>
            <a href={toolkitHref.stakeholders(locale)}>{safeT('nav.stakeholders')}</a>
          </p>
        </>
      ) : (
        ''
      )}
      <p class="meta">{safeT('toolkit.attribution')}</p>
    </Layout>
  );
}
