import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { cellStatuses } from '../../toolkit.constants.js';
import { layerLimits } from '../layers.schemas.js';
import { layersT, statusText } from './layer-parts.js';
import { FormAlert, Select, SupporterField, TextArea, TextField, type FormState } from './form-parts.js';

export interface CorrectionFormProps extends FormState {
  /** `correct` writes (the secretariat); `propose` sends a proposal; `none` explains who may, or that no layer exists. */
  mode: 'correct' | 'propose' | 'none';
  /** The curated layers the correction may go into. */
  layers: Array<{ key: string; name: string }>;
  /** Every layer's frameworks, the cells that may be corrected. */
  targets: Array<{ key: string; name: string; frameworks: Array<{ key: string; name: string }> }>;
  actions: Array<{ code: string; title: string }>;
  supporters: Array<{ id: string; name: string }>;
  csrfField: string;
  canCreateLayer: boolean;
  alert?: string | undefined;
}

/** Correcting one cell of any layer's framework in a curated layer: the new status and quotation, and why. */
export function CorrectionFormPage(props: CorrectionFormProps): JSX.Element {
  const { locale, mode } = props;
  const { t, safeT } = layersT(locale);
  const title = t(mode === 'propose' ? 'layers.correction.proposeTitle' : 'layers.correction.title');
  const state = { locale, values: props.values, errors: props.errors };
  return (
    <Layout locale={locale} title={title} path="/toolkit/corrections/new">
      <p>
        <a href={`/${locale}/toolkit/layers`}>{safeT('layers.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      {mode === 'none' ? (
        <p>{safeT('layers.propose.who')}</p>
      ) : props.layers.length === 0 ? (
        <>
          <p>{safeT('layers.correction.noLayer')}</p>
          {props.canCreateLayer ? (
            <p>
              <a href={`/${locale}/secretariat/toolkit/layers`}>{safeT('layers.create.link')}</a>
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        <form class="form" method="post" action={`/${locale}/toolkit/corrections/new`} novalidate>
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
          <Select {...state} name="layer" label={t('layers.field.layer')} hint={t('layers.field.layer.hint')} options={props.layers.map((l) => [l.key, l.name])} />
          <Select
            {...state}
            name="target"
            label={t('cell.framework')}
            options={[['', t('layers.field.choose')], ...props.targets.flatMap((layer) => layer.frameworks.map((f): [string, string] => [`${layer.key}/${f.key}`, `${f.name} (${layer.key === 'wg6-2021' ? t('dataset.published') : layer.name})`]))]}
          />
          <Select {...state} name="action" label={t('cell.action')} options={[['', t('layers.field.choose')], ...props.actions.map((a): [string, string] => [a.code, `${a.code}: ${a.title}`])]} />
          <Select {...state} name="status" label={t('layers.field.status')} options={[['', t('layers.field.choose')], ...cellStatuses.map((s): [string, string] => [s, statusText(locale, s)])]} />
          <TextArea {...state} name="quotation" label={t('cell.quotation')} hint={t('layers.field.quotation.hint')} max={layerLimits.quotation} rows={5} lang="en" />
          <TextField {...state} name="locator" label={t('cell.locator')} max={layerLimits.locator} lang="en" />
          <TextArea {...state} name="reason" label={t('layers.field.reason')} hint={t('layers.field.reason.hint')} max={layerLimits.reason} rows={3} required />
          <button type="submit">{safeT(mode === 'propose' ? 'layers.propose.submit' : 'layers.save')}</button>
        </form>
      )}
    </Layout>
  );
}
