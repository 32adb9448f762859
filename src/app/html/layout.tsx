import type { PropsWithChildren } from '@kitajs/html';
import { escaping, type Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';
import { assetPath } from '../http/assets.js';

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** Path after the locale prefix, with its query string (`/supporters?category=state`), for the language switch. */
  path: string;
  description?: string;
  /** Extra markup for <head> already escaped or built from JSON (JSON-LD). */
  head?: string;
  /** Client scripts by entry name (see assets.ts); each is deferred and optional: pages work without them. */
  scripts?: string[];
  current?: 'home' | 'call' | 'principles' | 'supporters' | 'map' | 'api' | 'join' | 'account' | 'secretariat' | 'index' | 'toolkit' | 'practices' | 'groups' | 'cooperation';
}

const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'fr' : 'en');

/** The page frame: skip link, header with navigation and language switch, main landmark, footer. */
export function Layout(props: PropsWithChildren<LayoutProps>): JSX.Element {
  const t = appMessages(props.locale);
  const safeT = escaping(t);
  const other = otherLocale(props.locale);
  const nav: Array<[NonNullable<LayoutProps['current']>, string, string]> = [
    ['home', `/${props.locale}`, t('layout.nav.home')],
    ['call', `/${props.locale}/call`, t('layout.nav.call')],
    ['principles', `/${props.locale}/principles`, t('layout.nav.principles')],
    ['supporters', `/${props.locale}/supporters`, t('layout.nav.supporters')],
    ['map', `/${props.locale}/supporters/map`, t('layout.nav.map')],
    ['index', `/${props.locale}/index`, t('layout.nav.index')],
    ['practices', `/${props.locale}/practices`, t('layout.nav.practices')],
    ['toolkit', `/${props.locale}/toolkit`, t('layout.nav.toolkit')],
    ['groups', `/${props.locale}/groups`, t('layout.nav.groups')],
    ['cooperation', `/${props.locale}/cooperation`, t('layout.nav.cooperation')],
    ['api', `/${props.locale}/open-data`, t('layout.nav.api')],
    ['join', `/${props.locale}/join`, t('layout.nav.join')],
    // The same link for everyone: public pages are cached and must not vary by visitor.
    ['account', `/${props.locale}/account`, t('layout.nav.account')],
  ];
  return (
    <>
      {'<!doctype html>'}
      <html lang={props.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${props.title} · ${t('site.name')}`}</title>
          {props.description ? <meta name="description" content={props.description} /> : ''}
          <link rel="icon" href={assetPath('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={assetPath('site.css')} />
          <link rel="alternate" hreflang={other} href={`/${other}${props.path}`} />
          {(props.head ?? '') as 'safe'}
          {(props.scripts ?? []).map((name) => (
            <script src={assetPath(`${name}.js`)} defer></script>
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            {safeT('layout.skip')}
          </a>
          <header class="site-header">
            <a class="brand" href={`/${props.locale}`}>
              <strong>{safeT('site.name')}</strong> <span>{safeT('site.tagline')}</span>
            </a>
            <nav aria-label={t('layout.nav.label')}>
              <ul>
                {nav.map(([key, href, label]) => (
                  <li>
                    <a href={href} aria-current={props.current === key ? 'page' : undefined} safe>
                      {label}
                    </a>
                  </li>
                ))}
                <li>
                  <a href={`/${other}${props.path}`} hreflang={other} lang={other} class="lang-switch">
                    {safeT('layout.language.switch')}
                  </a>
                </li>
              </ul>
            </nav>
          </header>
          <main id="main" tabindex="-1">
            {props.children}
          </main>
          <footer class="site-footer">
            <p>{safeT('layout.footer.data')}</p>
            <p>
              <a href="/supporters.csv">{safeT('layout.footer.download')}</a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
