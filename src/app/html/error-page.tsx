import { escaping, type Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';
import type { FieldIssue } from '../http/errors.js';
import { Layout } from './layout.js';

export interface ErrorPageProps {
  locale: Locale;
  path: string;
  title: string;
  body?: string;
  issues?: FieldIssue[];
}

export function ErrorPage(props: ErrorPageProps): JSX.Element {
  const t = appMessages(props.locale);
  const safeT = escaping(t);
  return (
    <Layout locale={props.locale} title={props.title} path={props.path}>
      <h1 safe>{props.title}</h1>
      {props.body ? <p safe>{props.body}</p> : ''}
      {props.issues?.length ? (
        <ul class="error-list">
          {props.issues.map((issue) => (
            <li>{safeT('validation.invalidValue', { field: issue.field, message: issue.message })}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p>
        <a href={`/${props.locale}`}>{safeT('error.back')}</a>
      </p>
    </Layout>
  );
}
