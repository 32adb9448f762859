/** The forms of the case page: a participant's (answers, acknowledgement, statement) and the coordinator's. */
import { escaping } from '../../../app/i18n/i18n.js';
import { answerStates } from '../cases.constants.js';
import { casesMessages, type CasesMessageKey } from '../cases.messages.js';
import { instantToLocal } from '../cases.time.js';
import { Input, Select, TextArea, type CasePageProps } from './parts.js';

export function ParticipantForms(props: CasePageProps): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const d = props.detail;
  const own = d.own!;
  const base = `/${props.locale}/cooperation/cases/${d.case.id}`;
  const acknowledged = own.ackVersion === d.case.embargoVersion;
  const values = { statement: own.statement, statementLanguage: own.statementLanguage, ...props.values };
  return (
    <section aria-labelledby="yours">
      <h2 id="yours" safe>{`${t('case.yourAnswers')} — ${own.name}`}</h2>
      <form method="post" action={`${base}/answers`}>
        {props.csrfField as 'safe'}
        {d.vulnerabilities.map((v) => {
          const current = d.stateOf(own.id, v.id);
          const options: Array<[string, string]> = [...(current === 'no-response' ? [['', t('answer.no-response')] as [string, string]] : []), ...answerStates.map((s) => [s, t(`answer.${s}` as CasesMessageKey)] as [string, string])];
          return <Select name={`state-${v.id}`} label={`${t('field.vulnTitle')}: ${v.title}`} options={options} values={{ [`state-${v.id}`]: current === 'no-response' ? '' : current }} errors={props.errors} />;
        })}
        <button type="submit">{safeT('case.save')}</button>
      </form>
      {d.case.embargoAt && !acknowledged ? (
        <form method="post" action={`${base}/acknowledge`}>
          {props.csrfField as 'safe'}
          <button type="submit">{safeT('embargo.acknowledge')}</button>
        </form>
      ) : (
        ''
      )}
      <h3>{safeT('statement.yours')}</h3>
      <p safe>{t(`statement.state.${own.statementState}` as CasesMessageKey)}</p>
      {own.statementState === 'changes-requested' && own.statementReview ? <blockquote safe>{own.statementReview}</blockquote> : ''}
      <form method="post" action={`${base}/statement`}>
        {props.csrfField as 'safe'}
        <TextArea name="statement" label={t('statement.text')} values={values} errors={props.errors} rows={5} />
        <Select name="statementLanguage" label={t('field.language')} options={[['en', 'English'], ['fr', 'Français']]} values={values} errors={props.errors} />
        <button type="submit" name="submit" value="no">{safeT('statement.save')}</button> <button type="submit" name="submit" value="yes">{safeT('statement.submit')}</button>
      </form>
    </section>
  );
}

export function CoordinatorForms(props: CasePageProps): JSX.Element {
  const t = casesMessages(props.locale);
  const safeT = escaping(t);
  const d = props.detail;
  const base = `/${props.locale}/cooperation/cases/${d.case.id}`;
  const values = props.values ?? {};
  const embargoValues = { timeZone: d.case.embargoZone ?? 'UTC', embargoAt: d.case.embargoAt && d.case.embargoZone ? instantToLocal(d.case.embargoAt, d.case.embargoZone) : '', ...values };
  const submitted = d.participants.filter((p) => p.statementState === 'submitted');
  return (
    <section aria-labelledby="coordination">
      <h2 id="coordination">{safeT('case.coordinator')}</h2>
      <h3>{safeT('embargo.set')}</h3>
      <form method="post" action={`${base}/embargo`}>
        {props.csrfField as 'safe'}
        <Input name="embargoAt" type="datetime-local" label={t('embargo.local')} values={embargoValues} errors={props.errors} />
        <Input name="timeZone" label={t('embargo.zone')} values={embargoValues} errors={props.errors} />
        <button type="submit">{safeT('embargo.set')}</button>
      </form>
      {submitted.length ? <h3>{safeT('statement.title')}</h3> : ''}
      {submitted.map((p) => (
        <form method="post" action={`${base}/statements/${p.id}/review`}>
          {props.csrfField as 'safe'}
          <p>
            <strong safe>{p.name}</strong>
          </p>
          <blockquote lang={p.statementLanguage} safe>
            {p.statement}
          </blockquote>
          <TextArea name={`review-${p.id}`} label={t('statement.review')} values={values} errors={props.errors} rows={2} />
          <button type="submit" name="decision" value="approve">{safeT('statement.approve')}</button> <button type="submit" name="decision" value="changes">{safeT('statement.askChanges')}</button>
        </form>
      ))}
      <h3>{safeT('case.invite')}</h3>
      <form method="post" action={`${base}/participants`}>
        {props.csrfField as 'safe'}
        <Input name="organisation" label={t('case.inviteSlug')} values={values} errors={props.errors} />
        <TextArea name="products" label={t('case.inviteProducts')} values={values} errors={props.errors} rows={3} />
        <button type="submit">{safeT('case.inviteSubmit')}</button>
      </form>
      <h3>{safeT('case.addVulnerability')}</h3>
      <form method="post" action={`${base}/vulnerabilities`}>
        {props.csrfField as 'safe'}
        <Input name="vulnTitle" label={t('field.vulnTitle')} values={values} errors={props.errors} />
        <Input name="cwe" label={t('field.cwe')} values={values} errors={props.errors} />
        <Input name="cve" label={t('field.cve')} values={values} errors={props.errors} />
        <Input name="cvss31" label={t('field.cvss31')} values={values} errors={props.errors} />
        <Input name="cvss40" label={t('field.cvss40')} values={values} errors={props.errors} />
        <button type="submit">{safeT('case.add')}</button>
      </form>
      <h3>{safeT('publish.title')}</h3>
      <p>{safeT('publish.intro')}</p>
      <form method="post" action={`${base}/publish`}>
        {props.csrfField as 'safe'}
        <button type="submit">{safeT('publish.submit')}</button>
      </form>
    </section>
  );
}
