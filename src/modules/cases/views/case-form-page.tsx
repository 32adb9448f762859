import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { caseMarkings } from '../cases.constants.js';
import { casesMessages } from '../cases.messages.js';
import { Input, Notices, Select, TextArea, type FormErrors, type FormValues } from './parts.js';

/** Opening a case: who coordinates, title and summary with their language, marking, the first vulnerability, products. */
export function CaseFormPage(props: { locale: Locale; csrfField: string; values: FormValues; errors?: FormErrors; alert?: string; organisations: Array<[string, string]>; secretariat: boolean }): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const l = props.locale;
  const common = { values: props.values, errors: props.errors };
  const as: Array<[string, string]> = [...props.organisations, ...(props.secretariat ? [['secretariat', t('new.asSecretariat')] as [string, string]] : [])];
  return (
    <Layout locale={l} title={t('new.title')} path="/cooperation/cases/new">
      <h1>{safeT('new.title')}</h1>
      <Notices alert={props.alert} />
      <p>{safeT('new.intro')}</p>
      <form method="post" action={`/${l}/cooperation/cases/new`}>
        {props.csrfField as 'safe'}
        <Select name="as" label={t('new.as')} options={as} {...common} />
        <Input name="title" label={t('field.title')} required {...common} />
        <TextArea name="summary" label={t('field.summary')} rows={6} {...common} />
        <Select name="language" label={t('field.language')} options={[['en', 'English'], ['fr', 'Français']]} {...common} />
        <Select name="marking" label={t('field.marking')} options={caseMarkings.map((m) => [m, `TLP:${m}`] as [string, string])} values={{ marking: 'AMBER', ...props.values }} errors={props.errors} />
        <Input name="vulnTitle" label={t('field.vulnTitle')} required {...common} />
        <Input name="cwe" label={t('field.cwe')} {...common} />
        <Input name="cve" label={t('field.cve')} {...common} />
        <Input name="cvss31" label={t('field.cvss31')} {...common} />
        <Input name="cvss40" label={t('field.cvss40')} {...common} />
        <TextArea name="products" label={t('field.products')} {...common} />
        <button type="submit">{safeT('new.submit')}</button>
      </form>
    </Layout>
  );
}
