import { describedBy } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import { PostButton } from '../../../../app/html/post-button.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { FormErrors } from '../reports.forms.js';
import type { SubjectLabels } from '../reports.labels.js';
import { isUnanswered, subjectSegment, type Subject } from '../reports.models.js';
import type { ReportLanguage } from '../reports.constants.js';
import type { ReportWorkspace, WorkspaceSection } from '../reports.queries.js';
import { dateText, errorText, languageText, Notice, reportsT } from './report-parts.js';
import { SubjectCheckboxes } from './subject-checkboxes.js';

export interface WorkspacePageProps {
  locale: Locale;
  workspace: ReportWorkspace;
  labels: SubjectLabels;
  csrfField: string;
  notice?: string | undefined;
  alert?: string | undefined;
  errors?: FormErrors | undefined;
  /** Subjects ticked in the "add sections" form when it is shown again. */
  adding?: string[];
}

/** Where a section's text came from while nobody has saved it ("from your 2024 report, 2 practices linked"); '' for nothing. */
export function prefillSources(locale: Locale, prefill: NonNullable<WorkspaceSection['prefill']>): string {
  const { t } = reportsT(locale);
  return [prefill.fromYear ? t('reports.workspace.prefilledFrom', { year: prefill.fromYear }) : '', prefill.practices ? t('reports.workspace.prefilledPractices', { count: prefill.practices }) : '']
    .filter(Boolean)
    .join(', ');
}

function prefillText(locale: Locale, prefill: NonNullable<WorkspaceSection['prefill']>): string {
  const { t } = reportsT(locale);
  const sources = prefillSources(locale, prefill);
  return sources ? t('reports.workspace.prefilled', { sources }) : t('reports.workspace.empty');
}

/** One report in the account: its sections (who saved each, what was pre-filled), adding and removing sections, publishing. */
export function WorkspacePage(props: WorkspacePageProps): JSX.Element {
  const { locale, workspace } = props;
  const { report, supporter } = workspace;
  const { t, safeT } = reportsT(locale);
  const base = `/${locale}/account/organisations/${supporter.id}/reports/${report.year}`;
  const title = t('reports.report.title', { organisation: supporter.name, year: report.year });
  const original = report.original as ReportLanguage;
  const confirmError = errorText(locale, props.errors, 'confirm');
  return (
    <Layout locale={locale} title={title} path={`/account/organisations/${supporter.id}/reports/${report.year}`} current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account/reports`}>{safeT('reports.account.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p>
        <span class="badge" safe>{t(report.state === 'published' ? 'reports.state.published' : 'reports.state.draft')}</span>{' '}
        <span safe>{t('reports.report.language', { language: languageText(locale, original) })}</span>
      </p>
      <Notice message={props.notice} />
      <Notice message={props.alert} error />
      {workspace.canWrite ? '' : <p class="note" safe>{workspace.refusal?.localize(locale) ?? ''}</p>}
      <ul class="links">
        <li>
          <a href={`/${locale}/reports/${supporter.slug}/${report.year}`}>{safeT('reports.workspace.readers')}</a>
        </li>
        {workspace.previous ? (
          <li>
            <a href={`/${locale}/reports/${supporter.slug}/${report.year}/compare`} safe>
              {t('reports.workspace.compare', { year: workspace.previous.year })}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>

      <h2>{safeT('reports.workspace.sections')}</h2>
      {workspace.sections.length === 0 ? (
        <p>{safeT('reports.workspace.noSections')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('reports.column.section')}</th>
                <th scope="col">{safeT('reports.column.visibility')}</th>
                <th scope="col">{safeT('reports.column.saved')}</th>
                {workspace.canWrite ? <td></td> : ''}
              </tr>
            </thead>
            <tbody>
              {workspace.sections.map(({ section, prefill }) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/sections/${subjectSegment(section.subject as Subject)}`} safe>
                      {props.labels.get(section.subject as Subject)?.title ?? section.subject}
                    </a>
                    {isUnanswered(section.content, original) ? <span class="meta" safe>{` · ${t('reports.workspace.unanswered')}`}</span> : ''}
                  </th>
                  <td safe>{t(`reports.visibility.${section.visibility as 'public' | 'members' | 'secretariat'}`)}</td>
                  <td safe>
                    {prefill
                      ? prefillText(locale, prefill)
                      : t('reports.workspace.savedBy', { name: workspace.names.get(section.updatedBy) ?? '—', date: dateText(locale, section.updatedAt), version: section.version })}
                  </td>
                  {workspace.canWrite ? (
                    <td>
                      <PostButton
                        action={`${base}/sections/${subjectSegment(section.subject as Subject)}/remove`}
                        csrfField={props.csrfField}
                        fields={{ version: String(section.version) }}
                        label={t('reports.workspace.remove')}
                        variant="secondary"
                      />
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {workspace.canWrite && workspace.missing.length ? (
        <section aria-labelledby="add-sections">
          <h2 id="add-sections">{safeT('reports.workspace.add')}</h2>
          <form method="post" action={`${base}/sections`} class="form" novalidate>
            {props.csrfField as 'safe'}
            <SubjectCheckboxes
              locale={locale}
              labels={props.labels}
              options={workspace.missing.map((subject) => ({ subject }))}
              checked={props.adding ?? []}
              error={errorText(locale, props.errors, 'subject')}
              legend={t('reports.workspace.add.legend')}
              hint={t('reports.workspace.add.hint')}
            />
            <p>
              <button type="submit" class="secondary">{safeT('reports.workspace.add.submit')}</button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="publish">
        <h2 id="publish">{safeT('reports.workspace.publish')}</h2>
        {report.state === 'published' && report.publishedAt ? (
          <p safe>{t('reports.workspace.published', { date: dateText(locale, report.publishedAt) })}</p>
        ) : workspace.canWrite ? (
          <form method="post" action={`${base}/publish`} class="form" novalidate>
            {props.csrfField as 'safe'}
            <p class="note">{safeT('reports.workspace.publish.hint')}</p>
            <div class="field">
              <div class="check">
                <input type="checkbox" id="confirm" name="confirm" aria-invalid={confirmError ? 'true' : undefined} aria-describedby={describedBy('confirm', false, Boolean(confirmError))} />
                <label for="confirm">{safeT('reports.workspace.publish.confirm')}</label>
              </div>
              {confirmError ? (
                <p class="field-error" id="confirm-error" safe>
                  {confirmError}
                </p>
              ) : (
                ''
              )}
            </div>
            <p>
              <button type="submit">{safeT('reports.workspace.publish.submit')}</button>
            </p>
          </form>
        ) : (
          <p>{safeT('reports.report.draft')}</p>
        )}
      </section>
    </Layout>
  );
}
