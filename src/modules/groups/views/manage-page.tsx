import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import type { GroupSpace, ManagedParticipation } from '../groups.queries.js';
import { groupsT, groupTitle, Text } from './parts.js';

export interface ManagePageProps {
  locale: Locale;
  space: GroupSpace & { requests: ManagedParticipation[]; participants: ManagedParticipation[] };
  csrfField: string;
  notice?: string | undefined;
  alert?: string | undefined;
  /** A refused form's field errors and values, by the form's id (`decline-<membership>`, `news`, `document`…). */
  form?: { id: string; errors: Record<string, string>; values: Record<string, string> } | undefined;
}

/** The co-chairs' page: requests to answer, participants, news to post, documents and their new versions. */
export function ManagePage(props: ManagePageProps): JSX.Element {
  const { locale, space } = props;
  const { t, safeT } = groupsT(locale);
  const base = `/${locale}/groups/${space.group.slug}`;
  const title = t('manage.title', { name: groupTitle(space.group, locale) });
  const errorOf = (form: string, field: string) => (props.form?.id === form ? props.form.errors[field] : undefined);
  const valueOf = (form: string, field: string) => (props.form?.id === form ? (props.form.values[field] ?? '') : '');
  const role = (p: ManagedParticipation) => t(`role.${p.membership.role}` as 'role.member');
  const reasonForm = (p: ManagedParticipation, action: 'decline' | 'remove') => {
    const id = `${action}-${p.membership.id}`;
    const field = `reason-${p.membership.id}-${action}`;
    const error = errorOf(id, 'reason');
    return (
      <form method="post" action={`${base}/${action === 'decline' ? 'requests' : 'participants'}/${p.membership.id}/${action}`}>
        {props.csrfField as 'safe'}
        <div class="field">
          <label for={field}>{safeT('manage.reason')}</label>
          <textarea id={field} name="reason" rows="2" maxlength="1000" aria-describedby={describedBy(field, false, Boolean(error))} safe>
            {valueOf(id, 'reason')}
          </textarea>
          {error ? (
            <p class="field-error" id={`${field}-error`} safe>
              {error}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit" class="secondary">
          {safeT(action === 'decline' ? 'manage.decline' : 'manage.remove')}
        </button>
      </form>
    );
  };
  const who = (p: ManagedParticipation) =>
    `${t('manage.request', { name: p.person, role: role(p) })}${p.organisation ? ` ${t('manage.forOrganisation', { organisation: p.organisation })}` : ''}`;
  return (
    <Layout locale={locale} title={title} path={`/groups/${space.group.slug}/manage`} current="groups">
      <p class="breadcrumb">
        <a href={base} safe>
          {groupTitle(space.group, locale)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {props.alert ? (
        <p class="notice" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="requests">
        <h2 id="requests">{safeT('manage.requests')}</h2>
        {space.requests.length === 0 ? <p>{safeT('manage.noRequests')}</p> : ''}
        {space.requests.map((p) => (
          <div class="card" id={`request-${p.membership.id}`}>
            <p safe>{who(p)}</p>
            {p.membership.message ? <blockquote safe>{p.membership.message}</blockquote> : ''}
            <form method="post" action={`${base}/requests/${p.membership.id}/accept`} class="inline">
              {props.csrfField as 'safe'}
              <button type="submit">{safeT('manage.accept')}</button>
            </form>
            {reasonForm(p, 'decline')}
          </div>
        ))}
      </section>
      <section aria-labelledby="participants">
        <h2 id="participants">{safeT('manage.participants')}</h2>
        {space.participants.map((p) => (
          <div class="card">
            <p safe>{`${p.person} · ${role(p)}${p.organisation ? ` · ${p.organisation}` : ''}`}</p>
            {reasonForm(p, 'remove')}
          </div>
        ))}
      </section>
      {space.viewer.mayPublish ? (
        <>
          <section aria-labelledby="post-news">
            <h2 id="post-news">{safeT('manage.news')}</h2>
            <form method="post" action={`${base}/news`}>
              {props.csrfField as 'safe'}
              {(['en', 'fr'] as const).map((language) => (
                <>
                  <Field name={`title-${language}`} label={`${t('manage.newsTitle')} (${t(`language.${language}`)})`} error={errorOf('news', `title-${language}`)}>
                    <input id={`title-${language}`} name={`title-${language}`} lang={language} value={valueOf('news', `title-${language}`)} maxlength="300" />
                  </Field>
                  <Field name={`body-${language}`} label={`${t('manage.newsBody')} (${t(`language.${language}`)})`} error={errorOf('news', `body-${language}`)}>
                    <textarea id={`body-${language}`} name={`body-${language}`} lang={language} rows="4" safe>
                      {valueOf('news', `body-${language}`)}
                    </textarea>
                  </Field>
                </>
              ))}
              <Field name="news-visibility" label={t('manage.visibility')}>
                <select id="news-visibility" name="visibility">
                  <option value="public">{safeT('visibility.public')}</option>
                  <option value="members" selected={valueOf('news', 'visibility') === 'members'}>
                    {safeT('visibility.members')}
                  </option>
                </select>
              </Field>
              <button type="submit">{safeT('manage.post')}</button>
            </form>
          </section>
          <section aria-labelledby="manage-documents">
            <h2 id="manage-documents">{safeT('manage.documents')}</h2>
            <h3>{safeT('manage.newDocument')}</h3>
            <form method="post" action={`${base}/documents`} enctype="multipart/form-data">
              {props.csrfField as 'safe'}
              {(['en', 'fr'] as const).map((language) => (
                <Field name={`doc-title-${language}`} label={`${t('manage.documentTitle')} (${t(`language.${language}`)})`} error={errorOf('document', `title-${language}`)}>
                  <input id={`doc-title-${language}`} name={`title-${language}`} lang={language} value={valueOf('document', `title-${language}`)} maxlength="300" />
                </Field>
              ))}
              <Field name="doc-kind" label={t('manage.documentKind')}>
                <select id="doc-kind" name="kind">
                  <option value="draft">{safeT('document.kind.draft')}</option>
                  <option value="deliverable" selected={valueOf('document', 'kind') === 'deliverable'}>
                    {safeT('document.kind.deliverable')}
                  </option>
                </select>
              </Field>
              <Field name="doc-visibility" label={t('manage.visibility')}>
                <select id="doc-visibility" name="visibility">
                  <option value="public">{safeT('visibility.public')}</option>
                  <option value="members" selected={valueOf('document', 'visibility') === 'members'}>
                    {safeT('visibility.members')}
                  </option>
                </select>
              </Field>
              <Field name="doc-file-en" label={t('manage.fileEn')} error={errorOf('document', 'files')}>
                <input type="file" id="doc-file-en" name="file-en" />
              </Field>
              <Field name="doc-file-fr" label={t('manage.fileFr')}>
                <input type="file" id="doc-file-fr" name="file-fr" />
              </Field>
              <button type="submit">{safeT('manage.addDocument')}</button>
            </form>
            {space.documents.map(({ document }) => {
              const id = `version-${document.id}`;
              return (
                <form method="post" action={`${base}/documents/${document.id}/versions`} enctype="multipart/form-data" aria-labelledby={`${id}-heading`}>
                  {props.csrfField as 'safe'}
                  <h3 id={`${id}-heading`}>
                    {safeT('manage.newVersion')} <Text text={document.title} locale={locale} />
                  </h3>
                  <Field name={`${id}-en`} label={t('manage.fileEn')} error={errorOf(id, 'files')}>
                    <input type="file" id={`${id}-en`} name="file-en" />
                  </Field>
                  <Field name={`${id}-fr`} label={t('manage.fileFr')}>
                    <input type="file" id={`${id}-fr`} name="file-fr" />
                  </Field>
                  <Field name={`${id}-note`} label={t('manage.note')}>
                    <input id={`${id}-note`} name="note" maxlength="1000" />
                  </Field>
                  <button type="submit">{safeT('manage.addVersion')}</button>
                </form>
              );
            })}
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
