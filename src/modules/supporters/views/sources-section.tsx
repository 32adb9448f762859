/**
 * Where the published data comes from: the provenance header of every file of the reference bundle (contents, source,
 * version date, licence, anything left out for its licence), as the bundle itself states it.
 */
import type { Provenance } from '../../../app/reference/bundle-file.js';
import { createTranslator, type Catalog, type Locale } from '../../../app/i18n/i18n.js';

const en = {
  'sources.title': 'Where the data comes from',
  'sources.intro':
    'The platform ships the Call’s data with its code (the reference bundle), derived from these sources by its own importers. Entries changed on the platform since (joined, claimed, edited, withdrawn) are the platform’s own record.',
  'sources.caption': 'Sources of the reference bundle',
  'sources.file': 'File',
  'sources.contents': 'Contents',
  'sources.records': 'Records',
  'sources.source': 'Source',
  'sources.version': 'Version',
  'sources.licence': 'Licence',
  'sources.withheld': 'Left out for its licence: {what}',
} as const;

const fr: Catalog<typeof en> = {
  'sources.title': 'D’où viennent les données',
  'sources.intro':
    'La plateforme livre les données de l’Appel avec son code (le paquet de référence), tirées de ces sources par ses propres importateurs. Les fiches modifiées depuis sur la plateforme (adhésion, revendication, modification, retrait) relèvent de son propre registre.',
  'sources.caption': 'Sources du paquet de référence',
  'sources.file': 'Fichier',
  'sources.contents': 'Contenu',
  'sources.records': 'Enregistrements',
  'sources.source': 'Source',
  'sources.version': 'Version',
  'sources.licence': 'Licence',
  'sources.withheld': 'Omis en raison de sa licence : {what}',
};

const sourceMessages = createTranslator<typeof en>({ en, fr });

export function SourcesSection({ locale, files }: { locale: Locale; files: Provenance[] }): JSX.Element {
  if (!files.length) return '';
  const t = sourceMessages(locale);
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title" safe>
        {t('sources.title')}
      </h2>
      <p safe>{t('sources.intro')}</p>
      <div class="table-scroll">
        <table class="sources-table">
          <caption safe>{t('sources.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('sources.contents')}</th>
              <th scope="col" class="num" safe>{t('sources.records')}</th>
              <th scope="col" safe>{t('sources.source')}</th>
              <th scope="col" safe>{t('sources.version')}</th>
              <th scope="col" safe>{t('sources.licence')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr>
                <th scope="row">
                  <span safe>{f.contents}</span>
                  <br />
                  <code safe>{`reference/${f.file}`}</code>
                </th>
                <td class="num" safe>{new Intl.NumberFormat(locale).format(f.records)}</td>
                <td safe>{f.source}</td>
                <td safe>{f.version}</td>
                <td>
                  <span safe>{f.licence}</span>
                  {f.withheld ? (
                    <p class="note" safe>
                      {t('sources.withheld', { what: f.withheld })}
                    </p>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
