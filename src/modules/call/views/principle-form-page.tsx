/** The secretariat's form of a principle's names: short and full, English required, French when translated. */
import { describedBy, Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { callMessages } from '../call.messages.js';
import { principleNameLimits } from '../call.schemas.js';

type FieldName = 'shortNameEn' | 'shortNameFr' | 'fullNameEn' | 'fullNameFr';

export interface PrincipleFormPageProps {
  locale: Locale;
  number: number;
  csrfField: string;
  values: Partial<Record<string, string>>;
  /** Catalog keys of the errors, by field. */
  errors?: Partial<Record<string, string>> | undefined;
  notice?: string | undefined;
}

export function PrincipleFormPage({ locale, number, csrfField, values, errors, notice }: PrincipleFormPageProps): JSX.Element {
  const t = callMessages(locale);
  const safeT = escaping(t);
  const title = t('principleForm.title', { number });
  const input = (name: FieldName, lang: 'en' | 'fr', max: number) => {
    const error = errors?.[name] ? t(errors[name] as Parameters<typeof t>[0]) : undefined;
    const hint = lang === 'fr' ? t('principleForm.fr.hint') : undefined;
    return (
      <Field name={name} label={t(`principleForm.${name}`)} hint={hint} error={error}>
        {name.startsWith('short') ? (
          <input
            type="text"
            id={name}
            name={name}
            value={values[name] ?? ''}
            maxlength={max}
            lang={lang}
            required={lang === 'en'}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
          />
        ) : (
          <textarea
            id={name}
            name={name}
            rows="3"
            maxlength={max}
            lang={lang}
            required={lang === 'en'}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
            safe
          >
            {values[name] ?? ''}
          </textarea>
        )}
      </Field>
    );
  };
  return (
    <Layout locale={locale} title={title} path={`/secretariat/principles/${number}`} current="secretariat">
      <h1 safe>{title}</h1>
      {notice ? (
        <p class="notice" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      <p class="lead">{safeT('principleForm.intro')}</p>
      <p>
        <a href={`/${locale}/principles/${number}`}>{safeT('principleForm.public')}</a>
      </p>
      <form class="form" method="post" action={`/${locale}/secretariat/principles/${number}`} novalidate>
        {csrfField as 'safe'}
        {errors && Object.keys(errors).length ? (
          <p class="notice error" role="alert">
            {safeT('principleForm.problem')}
          </p>
        ) : (
          ''
        )}
        {input('shortNameEn', 'en', principleNameLimits.shortName)}
        {input('shortNameFr', 'fr', principleNameLimits.shortName)}
        {input('fullNameEn', 'en', principleNameLimits.fullName)}
        {input('fullNameFr', 'fr', principleNameLimits.fullName)}
        <button type="submit">{safeT('principleForm.submit')}</button>
      </form>
    </Layout>
  );
}
