import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { StoppedJob } from '../../../app/jobs/jobs.repository.js';
import { parkReasons } from '../../../app/jobs/worker.js';
import { applicationMessages } from '../applications.messages.js';

/** The park reason code that starts a parked job's error (`job.payload-invalid: applicationId: invalid_type`), if any. */
function parkReasonOf(lastError: string | null): (typeof parkReasons)[keyof typeof parkReasons] | undefined {
  return Object.values(parkReasons).find((code) => lastError?.startsWith(`${code}:`));
}

/**
 * Outbox jobs that will not run again (parked: they could never run; failed: every attempt failed), so the secretariat
 * sees what the platform did not do. Their payloads are not shown: they may hold personal data.
 */
export function JobsPage(props: { locale: Locale; jobs: StoppedJob[] }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <Layout locale={locale} title={t('jobs.title')} path="/secretariat/jobs" current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/applications`}>{safeT('review.back')}</a>
      </p>
      <h1>{safeT('jobs.title')}</h1>
      <p class="lead">{safeT('jobs.intro')}</p>
      {props.jobs.length === 0 ? (
        <p>{safeT('jobs.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('jobs.type')}</th>
                <th scope="col">{safeT('jobs.version')}</th>
                <th scope="col">{safeT('jobs.status')}</th>
                <th scope="col">{safeT('jobs.attempts')}</th>
                <th scope="col">{safeT('jobs.reason')}</th>
                <th scope="col">{safeT('jobs.created')}</th>
                <th scope="col">{safeT('jobs.stopped')}</th>
              </tr>
            </thead>
            <tbody>
              {props.jobs.map((job) => {
                const code = job.status === 'parked' ? parkReasonOf(job.lastError) : undefined;
                return (
                  <tr>
                    <td>
                      <code safe>{job.type}</code>
                    </td>
                    <td safe>{String(job.version)}</td>
                    <td>{safeT(`jobs.status.${job.status}`)}</td>
                    <td safe>{String(job.attempts)}</td>
                    <td>
                      {code ? <span>{safeT(`jobs.reason.${code}`)}</span> : ''}
                      {job.lastError ? (
                        <span class="meta" safe>
                          {code ? ` (${job.lastError.slice(code.length + 1).trim()})` : job.lastError}
                        </span>
                      ) : (
                        ''
                      )}
                    </td>
                    <td safe>{dateTime.format(job.createdAt)}</td>
                    <td safe>{dateTime.format(job.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
