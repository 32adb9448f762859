import type { ToolkitStakeholderRoleRow } from '../toolkit.stakeholders.repository.js';

/**
 * What the report prints after a stakeholder's mark, in its words: ", except for mainstream users" when the cell says
 * so, then the condition in brackets ("✗ (if it is a customer of ICT products and services)"). English as printed,
 * [sic] kept, on every language's page.
 */
export function StakeholderNote(props: { role: Pick<ToolkitStakeholderRoleRow, 'condition' | 'excludesMainstreamUsers'> }): JSX.Element {
  const { condition, excludesMainstreamUsers } = props.role;
  if (!condition && !excludesMainstreamUsers) return '';
  const text = `${excludesMainstreamUsers ? ', except for mainstream users' : ''}${condition ? ` (${condition})` : ''}`;
  return (
    <span lang="en" safe>
      {text}
    </span>
  );
}
