/**
 * Where the published data comes from: the provenance header of every file of the reference bundle (contents, source,
 * version date, licence, anything left out for its licence), as the bundle itself states it.
 */
import type { Provenance } from '../../../app/reference/bundle-file.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { sourceMessages } from './sources.locales.js';

export function SourcesSection({ locale, files }: { locale: Locale; files: Provenance[] }): JSX.Element {
  if (!files.length) return '';
  const t = sourceMessages(locale);
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title" safe>
        {t('sources.title')}
      </h2>
      <p safe>{t('sources.intro')}</p>
      {/* A region that can take focus: a keyboard can scroll the table when it is wider than the screen. */}
      <div class="table-scroll" role="region" aria-labelledby="sources-caption" tabindex="0">
        <table class="sources-table">
          <caption id="sources-caption" safe>
            {t('sources.caption')}
          </caption>
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
