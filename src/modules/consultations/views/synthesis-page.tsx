/**
 * The synthesis of a concluded consultation: the synthesis text, the revised text where every changed paragraph links
 * back to the inputs that changed it, and the public disposition table (each row `#disposition-N`, linked to its input
 * on the consultation's page), with every earlier version of a disposition.
 */
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { localizedText } from '../consultations.presenters.js';
import type { Held, PublicDisposition } from '../consultations.queries.js';
import type { ParagraphRow } from '../consultations.tables.js';
import { consultationsT, DispositionDownloads, Notice } from './parts.js';

export interface SynthesisPageProps {
  locale: Locale;
  held: Held;
  revised: ParagraphRow[];
  rows: PublicDisposition[];
  /** Input numbers by id, for the revised paragraphs' links (private inputs included: their number only). */
  numbers: Map<string, number>;
  notice?: string | undefined;
}

const dateText = (locale: Locale, date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

export function SynthesisPage(props: SynthesisPageProps): JSX.Element {
  const { locale, held } = props;
  const { consultation } = held;
  const { t, safeT } = consultationsT(locale);
  const name = localizedText(consultation.title, locale).text;
  const title = t('consultations.synthesis.title', { title: name });
  const base = `/${locale}/consultations/${consultation.id}`;
  const synthesis = localizedText(consultation.synthesis, locale);
  const published = new Set(props.rows.map((row) => row.input.number));
  const outcome = (value: string) => t(`consultations.outcome.${value as 'accepted'}`);
  return (
    <Layout locale={locale} title={title} path={`/consultations/${consultation.id}/synthesis`}>
      <p class="breadcrumb">
        <a href={base} safe>
          {name}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice message={props.notice} />
      {consultation.state !== 'concluded' ? (
        <p>{safeT('consultations.synthesis.notYet')}</p>
      ) : (
        <>
          <p class="note" safe>{t('consultations.synthesis.concludedOn', { date: dateText(locale, consultation.concludedAt!) })}</p>
          <h2>{safeT('consultations.synthesis.heading')}</h2>
          <div lang={synthesis.lang === locale ? undefined : synthesis.lang} class="synthesis-text">
            {synthesis.text.split(/\n\s*\n/).map((part) => (
              <p safe>{part}</p>
            ))}
          </div>
          {props.revised.length ? (
            <section aria-labelledby="revised">
              <h2 id="revised">{safeT('consultations.synthesis.revised')}</h2>
              {props.revised.map((paragraph) => (
                <div id={`r-${paragraph.number}`} class="consultation-paragraph">
                  <h3 safe>{t('consultations.page.paragraph', { number: paragraph.number })}</h3>
                  <p lang={consultation.language === locale ? undefined : consultation.language} safe>
                    {paragraph.body}
                  </p>
                  {paragraph.changedBy.length ? (
                    <p>
                      <span safe>{`${t('consultations.synthesis.changedBy')} `}</span>
                      {paragraph.changedBy
                        .map((id) => props.numbers.get(id))
                        .filter((n): n is number => n !== undefined)
                        .map((n) =>
                          published.has(n) ? (
                            <a href={`#disposition-${n}`} safe>{`${t('consultations.page.input', { number: n })} `}</a>
                          ) : (
                            <span safe>{`${t('consultations.page.input', { number: n })} `}</span>
                          ),
                        )}
                    </p>
                  ) : (
                    <p class="note">{safeT('consultations.synthesis.unchanged')}</p>
                  )}
                </div>
              ))}
            </section>
          ) : (
            ''
          )}
        </>
      )}
      <section aria-labelledby="dispositions">
        <h2 id="dispositions">{safeT('consultations.synthesis.dispositions')}</h2>
        <p class="note">{safeT('consultations.synthesis.privateNote')}</p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('consultations.synthesis.col.input')}</th>
                <th scope="col">{safeT('consultations.synthesis.col.on')}</th>
                <th scope="col">{safeT('consultations.synthesis.col.author')}</th>
                <th scope="col">{safeT('consultations.synthesis.col.outcome')}</th>
                <th scope="col">{safeT('consultations.synthesis.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ input, disposition, history }) => (
                <tr id={`disposition-${input.number}`}>
                  <td>
                    <a href={`${base}#input-${input.number}`} safe>
                      {t('consultations.page.input', { number: input.number })}
                    </a>
                  </td>
                  <td>
                    {input.paragraph === null ? (
                      safeT('consultations.page.general')
                    ) : (
                      <a href={`${base}#p-${input.paragraph}`} safe>
                        {t('consultations.page.paragraph', { number: input.paragraph })}
                      </a>
                    )}
                  </td>
                  <td safe>{input.author ?? t('consultations.page.anonymous')}</td>
                  <td safe>{outcome(disposition.outcome)}</td>
                  <td>
                    <span safe>{disposition.reason}</span>
                    {history.length > 1 ? (
                      <details>
                        <summary safe>{t('consultations.synthesis.earlier')}</summary>
                        <ul>
                          {history.slice(0, -1).map((v) => (
                            <li safe>{t('consultations.synthesis.version', { version: v.version, date: dateText(locale, v.createdAt), outcome: outcome(v.outcome), reason: v.reason })}</li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DispositionDownloads consultationId={consultation.id} locale={locale} />
      </section>
    </Layout>
  );
}
