import { Field } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { contactRoles, contactStates } from '../contacts.constants.js';
import { contactsMessages, type ContactsMessageKey } from '../contacts.messages.js';
import type { ContactChannelRow, ContactKeyRow, ContactRow } from '../contacts.tables.js';
import type { FormErrors, FormValues } from '../contacts.forms.js';
import { ContactForm } from './contact-form.js';
import { Channels, Freshness, Hours, Keys, PolicyLinks } from './contact-parts.js';

/** The cooperation space's front page: public intro, and the members' links. */
export function HubPage(props: { locale: Locale; member: boolean }): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const l = props.locale;
  const links: Array<[string, ContactsMessageKey]> = [
    [`/${l}/cooperation/contacts`, 'hub.contacts'],
    [`/${l}/cooperation/pings`, 'hub.pings'],
    [`/${l}/cooperation/requests`, 'hub.requests'],
    [`/${l}/cooperation/incidents`, 'hub.incidents'],
    [`/${l}/cooperation/cases`, 'hub.cases'],
  ];
  // What the space publishes, for everyone.
  const published: Array<[string, ContactsMessageKey]> = [
    [`/${l}/points-of-contact`, 'hub.public'],
    [`/${l}/disclosure`, 'hub.disclosure'],
    [`/${l}/advisories`, 'hub.advisories'],
    [`/${l}/incident-frames`, 'hub.frames'],
  ];
  return (
    <Layout locale={l} title={t('hub.title')} path="/cooperation" current="cooperation">
      <h1>{safeT('hub.title')}</h1>
      <p>{safeT('hub.intro')}</p>
      <p>{safeT('hub.who')}</p>
      <nav aria-labelledby="hub-published">
        <h2 id="hub-published">{safeT('hub.published')}</h2>
        <ul>
          {published.map(([href, key]) => (
            <li><a href={href}>{safeT(key)}</a></li>
          ))}
        </ul>
      </nav>
      {props.member ? (
        <nav aria-labelledby="hub-members">
          <h2 id="hub-members">{safeT('hub.members')}</h2>
          <ul>
            {links.map(([href, key]) => (
              <li><a href={href}>{safeT(key)}</a></li>
            ))}
          </ul>
        </nav>
      ) : (
        <p>{safeT('hub.signIn')}</p>
      )}
    </Layout>
  );
}

export interface DirectoryEntry {
  contact: ContactRow;
  organisation: { name: string; slug: string; countryCode: string | null };
  channels: ContactChannelRow[];
}

export interface DirectoryPageProps {
  locale: Locale;
  /** `members`: the cooperation space; `public`: only what contacts published. */
  audience: 'members' | 'public';
  query: Record<string, string>;
  entries: DirectoryEntry[];
  total: number;
  page: number;
  pages: number;
  counts: { state: string; role: string; n: number }[];
  now: Date;
}

function Select(props: { locale: Locale; name: string; label: ContactsMessageKey; value: string; options: Array<[string, string]> }): JSX.Element {
  const t = contactsMessages(props.locale);
  return (
    <Field name={props.name} label={t(props.label)}>
      <select id={props.name} name={props.name}>
        <option value="" safe>{t('search.any')}</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={props.value === value} safe>{label}</option>
        ))}
      </select>
    </Field>
  );
}

/** The directory: search form (GET, works without JavaScript), counts, one page of results. */
export function DirectoryPage(props: DirectoryPageProps): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const members = props.audience === 'members';
  const path = members ? '/cooperation/contacts' : '/points-of-contact';
  const q = props.query;
  const pageLink = (page: number) => `/${props.locale}${path}?${new URLSearchParams({ ...q, page: String(page) }).toString()}`;
  const byRole = new Map<string, number>();
  const byState = new Map<string, number>();
  for (const c of props.counts) {
    byRole.set(c.role, (byRole.get(c.role) ?? 0) + c.n);
    byState.set(c.state, (byState.get(c.state) ?? 0) + c.n);
  }
  return (
    <Layout locale={props.locale} title={t(members ? 'directory.title' : 'public.title')} path={path} current="cooperation">
      <h1>{safeT(members ? 'directory.title' : 'public.title')}</h1>
      <p>{safeT(members ? 'directory.intro' : 'public.intro')}</p>
      <form class="form search" method="get" action={`/${props.locale}${path}`} role="search">
        <Field name="q" label={t('search.q')}>
          <input id="q" name="q" type="search" value={q.q ?? ''} />
        </Field>
        <Field name="country" label={t('search.country')}>
          <input id="country" name="country" value={q.country ?? ''} maxlength="3" />
        </Field>
        <Select locale={props.locale} name="role" label="search.role" value={q.role ?? ''} options={contactRoles.map((r) => [r, t(`role.${r}`)])} />
        <Field name="language" label={t('search.language')}>
          <input id="language" name="language" value={q.language ?? ''} maxlength="12" />
        </Field>
        {members ? <Select locale={props.locale} name="state" label="search.state" value={q.state ?? ''} options={contactStates.map((s) => [s, t(`state.${s}`)])} /> : ''}
        <p class="check">
          <input type="checkbox" id="is24x7" name="is24x7" value="yes" checked={q.is24x7 === 'yes'} />
          <label for="is24x7">{safeT('search.is24x7')}</label>
        </p>
        <button type="submit">{safeT('search.submit')}</button>
      </form>
      <p role="status">
        {safeT('search.total', { count: props.total, total: formatNumber(props.locale, props.total) })}{' '}
        {contactRoles.filter((r) => byRole.get(r)).map((r) => `${t(`role.${r}`)}: ${byRole.get(r)}`).join(' · ') as 'safe'}
        {members ? ` — ${contactStates.filter((s) => byState.get(s)).map((s) => `${t(`state.${s}`)}: ${byState.get(s)}`).join(' · ')}` as 'safe' : ''}
      </p>
      <ul class="directory">
        {props.entries.map(({ contact, organisation, channels }) => (
          <li>
            <h2>
              {members ? <a href={`/${props.locale}/cooperation/contacts/${contact.id}`} safe>{contact.name}</a> : <span safe>{contact.name}</span>}
            </h2>
            <p safe>
              {[contact.title, t(`role.${contact.role}` as ContactsMessageKey), organisation.name, organisation.countryCode].filter(Boolean).join(' · ')}
            </p>
            <p safe>{t('page.languages', { languages: contact.languages.join(', ') || '—' })}</p>
            <p><Freshness locale={props.locale} contact={contact} /></p>
            <Hours locale={props.locale} contact={contact} now={props.now} />
            <Channels locale={props.locale} channels={channels} />
          </li>
        ))}
      </ul>
      {props.pages > 1 ? (
        <nav aria-label={t('search.paging')} class="paging">
          {props.page > 1 ? <a href={pageLink(props.page - 1)} rel="prev">{safeT('search.previous')}</a> : ''}{' '}
          <span>{safeT('search.pageOf', { page: props.page, pages: props.pages })}</span>{' '}
          {props.page < props.pages ? <a href={pageLink(props.page + 1)} rel="next">{safeT('search.next')}</a> : ''}
        </nav>
      ) : (
        ''
      )}
      {members ? '' : <p><a href={`/${props.locale}/points-of-contact.csv`} download="">{safeT('public.csv')}</a></p>}
    </Layout>
  );
}

export interface ContactPageProps {
  locale: Locale;
  contact: ContactRow;
  organisation: { name: string; slug: string; countryCode: string | null };
  channels: ContactChannelRow[];
  keys: ContactKeyRow[];
  /** The contact themself: their forms are shown. */
  own: boolean;
  csrfField: string;
  values: FormValues;
  errors?: FormErrors | undefined;
  keyError?: string | undefined;
  notice?: string | undefined;
  alert?: string | undefined;
  now: Date;
}

/** One contact in the cooperation space; to the contact themself, their forms too. */
export function ContactPage(props: ContactPageProps): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const { contact } = props;
  const base = `/${props.locale}/cooperation/contacts/${contact.id}`;
  const version = <input type="hidden" name="version" value={String(contact.version)} />;
  return (
    <Layout locale={props.locale} title={contact.name || t('state.withdrawn')} path={base.slice(3)} current="cooperation">
      <h1 safe>{contact.name || t('state.withdrawn')}</h1>
      {props.notice ? <p class="notice" role="status" safe>{props.notice}</p> : ''}
      {props.alert ? <p class="notice error" role="alert" safe>{props.alert}</p> : ''}
      <p safe>{[contact.title, t(`role.${contact.role}` as ContactsMessageKey), props.organisation.name, props.organisation.countryCode].filter(Boolean).join(' · ')}</p>
      <p><Freshness locale={props.locale} contact={contact} /></p>
      <p safe>{t('page.languages', { languages: contact.languages.join(', ') || '—' })}</p>
      <h2>{safeT('page.channels')}</h2>
      <Channels locale={props.locale} channels={props.channels} />
      <h2>{safeT('page.hours')}</h2>
      <Hours locale={props.locale} contact={contact} now={props.now} />
      <h2>{safeT('page.keys')}</h2>
      <Keys locale={props.locale} keys={props.keys} downloadBase={`${base}/keys`} />
      <PolicyLinks locale={props.locale} contact={contact} />
      <p>
        <a href={`/${props.locale}/cooperation/pings/contacts/${contact.id}`}>{safeT('page.pings')}</a>
      </p>
      {props.own ? (
        <>
          <section aria-labelledby="attest-heading">
            <h2 id="attest-heading">{safeT('attest.heading')}</h2>
            <p>{safeT('attest.explain')}</p>
            <form method="post" action={`${base}/attest`}>
              {props.csrfField as 'safe'}
              {version}
              <button type="submit">{safeT('attest.submit')}</button>
            </form>
          </section>
          <section aria-labelledby="keys-heading">
            <h2 id="keys-heading">{safeT('keys.heading')}</h2>
            {props.keys.map((k) => (
              <form method="post" action={`${base}/keys/${k.id}/remove`} class="inline">
                {props.csrfField as 'safe'}
                {version}
                <button type="submit" class="danger" safe>{t('keys.remove', { fingerprint: k.fingerprint.slice(-16) })}</button>
              </form>
            ))}
            <form class="form" method="post" action={`${base}/keys`} enctype="multipart/form-data" novalidate>
              {props.csrfField as 'safe'}
              {version}
              <Field name="armored" label={t('keys.armored')} hint={t('keys.hint')} error={props.keyError}>
                <textarea id="armored" name="armored" rows="8" aria-invalid={props.keyError ? 'true' : undefined} aria-describedby={props.keyError ? 'armored-hint armored-error' : 'armored-hint'} safe>{props.values.armored ?? ''}</textarea>
              </Field>
              <Field name="keyFile" label={t('keys.file')}>
                <input type="file" id="keyFile" name="keyFile" accept=".asc,.txt,application/pgp-keys,text/plain" />
              </Field>
              <button type="submit">{safeT('keys.submit')}</button>
            </form>
          </section>
          <section aria-labelledby="own-heading">
            <h2 id="own-heading">{safeT('own.heading')}</h2>
            <p>{safeT('own.explain')}</p>
            {Object.keys(props.errors ?? {}).length ? <p class="notice error" role="alert">{safeT('form.errorSummary')}</p> : ''}
            <ContactForm locale={props.locale} action={`${base}/edit`} csrfField={props.csrfField} values={props.values} errors={props.errors} mode="contact" submit={t('own.submit')} />
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The page an e-mailed link opens (accept a nomination, attest): a button to confirm, or why the link is no good. */
export function LinkPage(props: { locale: Locale; kind: 'accept' | 'attest'; outcome: 'form' | 'done' | 'expired' | 'used' | 'invalid'; token?: string; csrfField?: string; name?: string; organisation?: string; contactPath?: string }): JSX.Element {
  const t = contactsMessages(props.locale);
  const safeT = escaping(t);
  const values = { name: props.name ?? '', organisation: props.organisation ?? '' };
  return (
    <Layout locale={props.locale} title={t(`${props.kind}.title` as ContactsMessageKey)} path={`/cooperation/${props.kind}`} current="cooperation">
      <h1>{safeT(`${props.kind}.title` as ContactsMessageKey)}</h1>
      {props.outcome === 'form' ? (
        <>
          <p safe>{t(`${props.kind}.explain` as ContactsMessageKey, values)}</p>
          <form method="post" action={`/${props.locale}/cooperation/${props.kind}`}>
            {(props.csrfField ?? '') as 'safe'}
            <input type="hidden" name="token" value={props.token ?? ''} />
            <button type="submit">{safeT(`${props.kind}.submit` as ContactsMessageKey)}</button>
          </form>
        </>
      ) : props.outcome === 'done' ? (
        <>
          <p role="status" safe>{t(`${props.kind}.done` as ContactsMessageKey, values)}</p>
          {props.contactPath ? <p><a href={props.contactPath}>{safeT('accept.open')}</a></p> : ''}
        </>
      ) : (
        <p role="alert" safe>{t(`link.${props.outcome}` as ContactsMessageKey)}</p>
      )}
    </Layout>
  );
}

