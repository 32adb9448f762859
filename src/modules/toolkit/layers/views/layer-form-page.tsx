import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { layerLimits } from '../layers.schemas.js';
import { layersT } from './layer-parts.js';
import { FormAlert, TextArea, TextField, type FormState } from './form-parts.js';

/** The secretariat creates a curated layer: a key for its address, a name and what it is for. */
export function LayerFormPage(props: FormState & { csrfField: string; alert?: string | undefined }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  return (
    <Layout locale={locale} title={t('layers.create.title')} path="/secretariat/toolkit/layers" current="secretariat">
      <p>
        <a href={`/${locale}/toolkit/layers`}>{safeT('layers.back')}</a>
      </p>
      <h1>{safeT('layers.create.title')}</h1>
      <p class="lead">{safeT('layers.create.intro')}</p>
      <form class="form" method="post" action={`/${locale}/secretariat/toolkit/layers`} novalidate>
        {props.csrfField as 'safe'}
        <FormAlert message={props.alert} />
        <TextField {...props} name="key" label={t('layers.field.key')} hint={t('layers.field.key.hint')} max={layerLimits.key} required />
        <TextField {...props} name="name" label={t('layers.field.name')} max={layerLimits.name} required />
        <TextArea {...props} name="description" label={t('layers.field.description')} max={layerLimits.description} rows={4} required />
        <button type="submit">{safeT('layers.create.submit')}</button>
      </form>
    </Layout>
  );
}
