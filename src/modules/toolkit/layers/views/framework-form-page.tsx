import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { cellStatuses, frameworkSheets, recipientKinds } from '../../toolkit.constants.js';
import { layerLimits } from '../layers.schemas.js';
import { layersT, statusText } from './layer-parts.js';
import { FormAlert, Select, SupporterField, TextArea, TextField, type FormState } from './form-parts.js';

export interface FrameworkFormProps extends FormState {
  layer: { key: string; name: string };
  /** `add` and `edit` write (the secretariat); `propose` sends a proposal; `none` explains who may. */
  mode: 'add' | 'edit' | 'propose' | 'none';
  action: string;
  actions: Array<{ code: string; title: string }>;
  supporters: Array<{ id: string; name: string }>;
  csrfField: string;
  alert?: string | undefined;
}

/**
 * A framework of a curated layer: its fields, its recipients, one link per line, and for each action whether it was
 * reviewed, with the quotation found. One form, no script: the whole review is sent at once.
 */
export function FrameworkFormPage(props: FrameworkFormProps): JSX.Element {
  const { locale, mode } = props;
  const { t, safeT } = layersT(locale);
  const title = t(mode === 'edit' ? 'layers.framework.editTitle' : mode === 'add' ? 'layers.framework.addTitle' : 'layers.framework.proposeTitle', { layer: props.layer.name });
  const state = { locale, values: props.values, errors: props.errors };
  return (
    <Layout locale={locale} title={title} path={props.action.slice(3)}>
      <p>
        <a href={`/${locale}/toolkit/layers/${props.layer.key}`} safe>
          {t('layers.diff.back', { name: props.layer.name })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {mode === 'none' ? (
        <p>{safeT('layers.propose.who')}</p>
      ) : (
        <form class="form" method="post" action={props.action} novalidate>
          {props.csrfField as 'safe'}
          <FormAlert message={props.alert} />
          {mode === 'propose' ? (
            <>
              <p>{safeT('layers.propose.explain')}</p>
              <SupporterField {...state} supporters={props.supporters} />
            </>
          ) : (
            ''
          )}
          <TextField {...state} name="name" label={t('layers.field.frameworkName')} max={layerLimits.frameworkName} required lang="en" />
          <Select {...state} name="category" label={t('cell.category')} options={[['', t('layers.field.choose')], ...frameworkSheets.map((s): [string, string] => [s.category, t(`category.${s.category}`)])]} />
          <TextField {...state} name="documentType" label={t('cell.type')} hint={t('layers.field.documentType.hint')} max={layerLimits.documentType} required lang="en" />
          <fieldset>
            <legend>{safeT('layers.field.recipients')}</legend>
            {recipientKinds.map((kind) => (
              <div class="checkbox">
                <input type="checkbox" id={`recipient-${kind}`} name={`recipient-${kind}`} checked={props.values[`recipient-${kind}`] === 'on'} />
                <label for={`recipient-${kind}`}>{safeT(`layers.recipient.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextArea {...state} name="resources" label={t('cell.resources')} hint={t('layers.field.resources.hint')} max={layerLimits.url * layerLimits.resources} rows={3} required />
          <h2>{safeT('layers.field.cells')}</h2>
          <p class="hint">{safeT('layers.field.cells.hint')}</p>
          {props.actions.map((action) => {
            return (
              <fieldset>
                <legend lang="en" safe>{`${action.code}: ${action.title}`}</legend>
                <Select
                  {...state}
                  name={`${action.code}-status`}
                  label={t('layers.field.status')}
                  options={[['', statusText(locale, 'not-reviewed')], ...cellStatuses.map((s): [string, string] => [s, statusText(locale, s)])]}
                />
                <TextArea {...state} name={`${action.code}-quotation`} label={t('cell.quotation')} max={layerLimits.quotation} rows={2} lang="en" />
                <TextField {...state} name={`${action.code}-locator`} label={t('cell.locator')} max={layerLimits.locator} lang="en" />
              </fieldset>
            );
          })}
          <button type="submit">{safeT(mode === 'propose' ? 'layers.propose.submit' : 'layers.save')}</button>
        </form>
      )}
    </Layout>
  );
}
