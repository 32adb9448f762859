import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { recipientKinds, type FrameworkCategory, type RecipientKind } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { FrameworkDetail } from '../toolkit.queries.js';
import { ActionTitle, Quotation, ToolkitNav, isWebLink, toolkitHref } from './toolkit-parts.js';

type StoredRecipient = { marked: boolean; note: string | null; source: string; merged: string | null };

/**
 * One framework across the 25 actions: what it is (category, type of document, recipients with their notes,
 * resources), the actions it addresses with their quotations, then the actions reviewed with nothing found.
 */
export function FrameworkPage(props: { locale: Locale; detail: FrameworkDetail }): JSX.Element {
  const { locale, detail } = props;
  const { framework } = detail;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const recipients = framework.recipients as Record<RecipientKind, StoredRecipient>;
  const source = framework.source as { name: string; type: string; resources: string };
  const resources = framework.resources as string[];
  return (
    <Layout locale={locale} title={framework.name} path={`/toolkit/frameworks/${framework.key}`}>
      <ToolkitNav locale={locale} />
      <p class="eyebrow">{safeT('framework.heading')}</p>
      <h1 lang="en" safe>
        {framework.name}
      </h1>
      <dl>
        <dt>{safeT('framework.category')}</dt>
        <dd safe>{t(`category.${framework.category as FrameworkCategory}`)}</dd>
        <dt>{safeT('framework.type')}</dt>
        <dd lang="en" safe>
          {framework.documentType}
        </dd>
      </dl>

      <h2>{safeT('framework.recipients')}</h2>
      <div class="table-scroll" role="region" aria-labelledby="framework-recipients" tabindex="0">
        <table>
          <caption id="framework-recipients">{safeT('framework.recipients.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('framework.recipient.kind')}</th>
              <th scope="col">{safeT('framework.recipient.markedHead')}</th>
              <th scope="col">{safeT('framework.recipient.note')}</th>
              <th scope="col">{safeT('framework.recipient.source')}</th>
            </tr>
          </thead>
          <tbody>
            {recipientKinds.map((kind) => {
              const r = recipients[kind];
              return (
                <tr>
                  <th scope="row" safe>
                    {t(`recipient.${kind}`)}
                  </th>
                  <td safe>{t(r?.marked ? 'framework.recipient.marked' : 'framework.recipient.unmarked')}</td>
                  <td lang="en" safe>
                    {r?.note ?? ''}
                  </td>
                  <td>
                    <code safe>{r?.source ?? ''}</code>
                    {r?.merged ? <span safe>{` (${t('framework.recipient.merged', { range: r.merged })})`}</span> : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>{safeT('framework.resources')}</h2>
      {resources.length === 0 ? (
        <p>{safeT('framework.resources.none')}</p>
      ) : (
        <ul class="toolkit-resources">
          {resources.map((url) => (
            <li>{isWebLink(url) ? <a href={url} rel="noopener noreferrer" safe>{url}</a> : <span safe>{url}</span>}</li>
          ))}
        </ul>
      )}
      <p class="meta" safe>
        {t('framework.source', { name: source.name, type: source.type, resources: source.resources })}
      </p>
      <p>
        <a href={toolkitHref.compare(locale, [framework.key])}>{safeT('framework.compare')}</a>
      </p>

      <h2>{safeT('framework.quoted', { count: detail.quoted.length })}</h2>
      {detail.quoted.length === 0 ? <p>{safeT('framework.quoted.none')}</p> : ''}
      {detail.quoted.map(({ action, cell }) => (
        <article class="toolkit-quote">
          <h3>
            <a href={toolkitHref.action(locale, action.code)}>
              {action.code as 'safe'}: <ActionTitle title={action.title} />
            </a>
          </h3>
          <Quotation locale={locale} cell={cell} frameworkKey={framework.key} />
        </article>
      ))}

      <h2>{safeT('framework.absent', { count: detail.reviewedAbsent.length })}</h2>
      <ActionList locale={locale} actions={detail.reviewedAbsent} />
      {detail.notReviewed.length > 0 ? (
        <>
          <h2>{safeT('framework.notReviewed', { count: detail.notReviewed.length })}</h2>
          <ActionList locale={locale} actions={detail.notReviewed} />
        </>
      ) : (
        ''
      )}
      <p class="meta">{safeT('toolkit.attribution')}</p>
    </Layout>
  );
}

function ActionList(props: { locale: Locale; actions: Array<{ code: string; title: string }> }): JSX.Element {
  return (
    <ul>
      {props.actions.map((a) => (
        <li>
          <a href={toolkitHref.action(props.locale, a.code)}>
            {a.code as 'safe'}: <ActionTitle title={a.title} />
          </a>
        </li>
      ))}
    </ul>
  );
}
