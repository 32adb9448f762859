import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { principles, stakeholderKinds, type StakeholderKind } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { StakeholderMatrix } from '../toolkit.queries.js';
import type { ToolkitStakeholderRoleRow } from '../toolkit.stakeholders.repository.js';
import { StakeholderNote } from './stakeholder-note.js';
import { ActionTitle, ToolkitNav, toolkitHref } from './toolkit-parts.js';

/**
 * The cells of one action's row as the report prints them: a merged cell is one cell spanning its columns (its first
 * column carries it, the others are skipped), every other column its own cell, blank when unmarked.
 */
export function stakeholderCells(roles: ToolkitStakeholderRoleRow[]): Array<{ kind: StakeholderKind; span: number; role: ToolkitStakeholderRoleRow | undefined }> {
  const cells: Array<{ kind: StakeholderKind; span: number; role: ToolkitStakeholderRoleRow | undefined }> = [];
  for (const kind of stakeholderKinds) {
    const role = roles.find((r) => r.stakeholder === kind);
    const merged = (role?.mergedWith ?? []).filter((k): k is StakeholderKind => (stakeholderKinds as readonly string[]).includes(k));
    if (merged.length > 1) {
      const first = stakeholderKinds.find((k) => merged.includes(k));
      if (first !== kind) continue;
    }
    cells.push({ kind, span: Math.max(1, merged.length), role });
  }
  return cells;
}

/** A cell's content: the mark (named for screen readers) and the note printed after it, or "not marked". */
export function RoleMark(props: { locale: Locale; role: ToolkitStakeholderRoleRow | undefined }): JSX.Element {
  const safeT = escaping(toolkitMessages(props.locale));
  if (!props.role?.marked) return <span class="visually-hidden">{safeT('stakeholders.unmarked')}</span>;
  return (
    <>
      <span aria-hidden="true">X</span>
      <span class="visually-hidden">{safeT('stakeholders.marked')}</span>
      <StakeholderNote role={props.role} />
    </>
  );
}

/**
 * The report's 25 × 4 stakeholder matrix (pp. 26–31) as printed: actions in rows grouped by principle, the four groups
 * in columns, marks and notes verbatim, merged cells spanning their columns, and the page each row is printed on.
 */
export function StakeholdersPage(props: { locale: Locale; matrix: StakeholderMatrix }): JSX.Element {
  const { locale, matrix } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('stakeholders.title')} path="/toolkit/stakeholders">
      <ToolkitNav locale={locale} current="stakeholders" />
      <h1>{safeT('stakeholders.title')}</h1>
      <p class="lead">{safeT('stakeholders.intro')}</p>
      <p>
        <a href={toolkitHref.myRole(locale)}>{safeT('stakeholders.myRole')}</a>
      </p>
      {matrix.loaded ? (
        <>
          <p id="stakeholders-caption" class="table-caption">
            {safeT('stakeholders.caption')}
          </p>
          <div class="table-scroll sticky-first" role="region" aria-labelledby="stakeholders-caption" tabindex="0">
            <table aria-labelledby="stakeholders-caption" class="toolkit-stakeholders">
              <thead>
                <tr>
                  <th scope="col">{safeT('stakeholders.action')}</th>
                  {stakeholderKinds.map((kind) => (
                    <th scope="col" safe>
                      {t(`stakeholder.${kind}`)}
                    </th>
                  ))}
                  <th scope="col">{safeT('stakeholders.page')}</th>
                </tr>
              </thead>
              {principles.map((p) => {
                const actions = matrix.actions.filter((a) => a.principle === p.key);
                if (actions.length === 0) return '';
                return (
                  <tbody>
                    <tr>
                      <th scope="rowgroup" colspan={String(stakeholderKinds.length + 2)} safe>
                        {t(`principle.${p.key}`)}
                      </th>
                    </tr>
                    {actions.map((a) => (
                      <tr id={`stakeholders-${a.code.toLowerCase()}`}>
                        <th scope="row">
                          <a href={toolkitHref.action(locale, a.code)}>
                            {a.code as 'safe'}: <ActionTitle title={a.title} />
                          </a>
                        </th>
                        {stakeholderCells(a.roles).map((cell) => (
                          <td colspan={cell.span > 1 ? String(cell.span) : undefined}>
                            <RoleMark locale={locale} role={cell.role} />
                          </td>
                        ))}
                        <td safe>{(/p\. (\d+)/.exec(a.roles[0]?.source ?? '')?.[1]) ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </div>
        </>
      ) : (
        <p>{safeT('stakeholders.empty')}</p>
      )}
      <p class="meta">{safeT('toolkit.attribution')}</p>
    </Layout>
  );
}
