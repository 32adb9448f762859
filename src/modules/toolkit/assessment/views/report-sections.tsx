/** The gap report's sections: principles (chart and table), gaps with recommendations, the smallest cover, the method. */
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { toolkitMessages } from '../../toolkit.messages.js';
import { assessmentMessages, type AssessmentKey } from '../assessment.messages.js';
import type { GapReport } from '../assessment.report.js';
import { recommendationWeights, type ReferenceData } from '../assessment.scoring.js';
import { formatInstant, levelShort } from './assessment-frame.js';

const shownRecommendations = 5;

/** Horizontal bars of the mean level per principle (0–5) with the target drawn as a line; the table beside has the figures. */
function PrinciplesChart(props: { locale: Locale; report: GapReport }): JSX.Element {
  const tk = toolkitMessages(props.locale);
  const rowHeight = 28;
  const labelWidth = 0;
  const width = 320;
  const scale = (v: number) => labelWidth + (v / 5) * (width - labelWidth - 10);
  const height = props.report.principles.length * rowHeight + 20;
  return (
    <svg class="principles-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby="principles-chart-title">
      <title id="principles-chart-title" safe>{assessmentMessages(props.locale)('report.chart')}</title>
      {props.report.principles.map((p, i) => (
        <g>
          <rect x={String(labelWidth)} y={String(i * rowHeight + 4)} width={String(width - 10)} height="16" fill="#eef1f6" />
          <rect x={String(labelWidth)} y={String(i * rowHeight + 4)} width={String(scale(p.mean ?? 0) - labelWidth)} height="16" fill={p.gaps ? '#b3541e' : '#1d4e89'} />
          <text x={String(Math.min(scale(p.mean ?? 0) + 4, width - 30))} y={String(i * rowHeight + 16)} font-size="11" fill="#1b1f2a" aria-hidden="true" safe>
            {p.mean === null ? '' : String(p.mean)}
          </text>
          <title safe>{`${tk(`principle.${p.principle}`)}: ${p.mean ?? '—'}`}</title>
        </g>
      ))}
      <line x1={String(scale(props.report.target))} x2={String(scale(props.report.target))} y1="0" y2={String(height - 16)} stroke="#1b1f2a" stroke-width="2" stroke-dasharray="4 3" />
      {[0, 1, 2, 3, 4, 5].map((v) => (
        <text x={String(Math.min(scale(v), width - 14))} y={String(height - 2)} font-size="10" fill="#4a5068" safe>
          {String(v)}
        </text>
      ))}
    </svg>
  );
}

export function PrinciplesSection(props: { locale: Locale; report: GapReport }): JSX.Element {
  const { locale, report } = props;
  const t = assessmentMessages(locale);
  const tk = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <section aria-labelledby="principles-title">
      <h2 id="principles-title">{safeT('report.principles')}</h2>
      <p id="principles-caption" class="chart-note">
        {safeT('report.principles.caption', { target: report.target })}
      </p>
      <div class="chart-pair">
        <PrinciplesChart locale={locale} report={report} />
        <div class="table-scroll" role="region" aria-labelledby="principles-caption" tabindex="0">
        <table class="chart-table" aria-describedby="principles-caption">
          <thead>
            <tr>
              <th scope="col">{safeT('report.principle')}</th>
              <th scope="col" class="num">{safeT('report.applicable')}</th>
              <th scope="col" class="num">{safeT('report.gapsCount')}</th>
              <th scope="col" class="num">{safeT('report.mean')}</th>
            </tr>
          </thead>
          <tbody>
            {report.principles.map((p) => (
              <tr>
                <th scope="row" safe>{tk(`principle.${p.principle}`)}</th>
                <td class="num" safe>{String(p.applicable)}</td>
                <td class="num" safe>{String(p.gaps)}</td>
                <td class="num" safe>{p.mean === null ? '—' : formatNumber(locale, p.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
    </section>
  );
}

export function GapsSection(props: { locale: Locale; report: GapReport; data: ReferenceData }): JSX.Element {
  const { locale, report, data } = props;
  const t = assessmentMessages(locale);
  const safeT = escaping(t);
  const names = new Map(data.frameworks.map((f) => [f.key, f.name]));
  const safeToolkit = escaping(toolkitMessages(locale));
  const w = recommendationWeights;
  return (
    <section aria-labelledby="gaps-title">
      <h2 id="gaps-title">{safeT('report.gaps')}</h2>
      {report.gaps.length === 0 ? <p>{safeT('report.gaps.none')}</p> : ''}
      <ol class="gaps">
        {report.gaps.map((gap) => (
          <li class="gap" id={`gap-${gap.code}`}>
            <h3>
              <span class="code" safe>{gap.code}</span> <span safe>{t(`question.${gap.code}` as AssessmentKey)}</span>
            </h3>
            <p safe>{t('report.gap.level', { level: levelShort(locale, gap.level), target: report.target, distance: gap.distance })}</p>
            <p safe>{t('report.gap.priority', { priority: gap.priority, distance: gap.distance, applied: gap.appliedAddressing.length })}</p>
            {gap.recommendations.length === 0 ? (
              <p>{safeT('report.gap.noFramework')}</p>
            ) : (
              <>
                <h4>{safeT('report.gap.recommended')}</h4>
                <ol class="recommendations">
                  {gap.recommendations.slice(0, shownRecommendations).map((r) => (
                    <li>
                      <a href={`/${locale}/toolkit/cells/${r.framework}/${gap.code.toLowerCase()}`} lang="en" safe>
                        {names.get(r.framework) ?? r.framework}
                      </a>{' '}
                      <strong safe>{`(${t('report.recommendation.score', { score: r.score })})`}</strong>
                      <span class="meta" safe>
                        {[
                          r.recipient ? t('report.recommendation.recipient', { points: w.recipient }) : '',
                          r.applied ? t('report.recommendation.applied', { points: w.applied }) : '',
                          r.otherGaps.length ? t('report.recommendation.otherGaps', { codes: r.otherGaps.join(', '), points: r.otherGaps.length * w.otherGap }) : '',
                          r.locator ? t('report.recommendation.locator', { locator: r.locator, points: w.locator }) : '',
                        ]
                          .filter(Boolean)
                          .map((part) => ` · ${part}`)
                          .join('')}
                      </span>
                    </li>
                  ))}
                </ol>
                {gap.recommendations.length > shownRecommendations ? (
                  <p class="meta">
                    {safeT('report.gap.more', { count: gap.recommendations.length - shownRecommendations })}{' '}
                    <a href={`/${locale}/toolkit`}>{safeToolkit('toolkit.title')}</a>
                  </p>
                ) : (
                  ''
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CoverSection(props: { locale: Locale; report: GapReport; data: ReferenceData }): JSX.Element {
  const { locale, report, data } = props;
  const t = assessmentMessages(locale);
  const safeT = escaping(t);
  const names = new Map(data.frameworks.map((f) => [f.key, f.name]));
  const { cover } = report;
  const proofByWitness = cover.witness.length === cover.chosen.length;
  return (
    <section aria-labelledby="cover-title">
      <h2 id="cover-title">{safeT('report.cover')}</h2>
      {report.gaps.length === 0 ? (
        <p>{safeT('report.cover.none')}</p>
      ) : (
        <>
          {cover.chosen.length ? <p>{safeT('report.cover.size', { count: cover.chosen.length })}</p> : ''}
          <ol class="cover">
            {cover.reasons.map((r) => (
              <li>
                <strong lang="en" safe>
                  {names.get(r.framework) ?? r.framework}
                </strong>
                <p safe>{t('report.cover.why', { codes: r.only.join(', '), all: r.covers.filter((c) => !r.only.includes(c)).join(', ') || '—' })}</p>
              </li>
            ))}
          </ol>
          {cover.chosen.length > 1 ? (
            <p safe>{proofByWitness ? t('report.cover.proofWitness', { codes: cover.witness.join(', ') }) : t('report.cover.proofSearch', { explored: cover.explored })}</p>
          ) : (
            ''
          )}
          {cover.chosen.length ? <p>{safeT('report.cover.tieBreak')}</p> : ''}
          {cover.uncovered.length ? <p class="notice" safe>{t('report.cover.uncovered', { codes: cover.uncovered.join(', ') })}</p> : ''}
        </>
      )}
    </section>
  );
}

export function MethodSection(props: { locale: Locale; report: GapReport }): JSX.Element {
  const safeT = escaping(assessmentMessages(props.locale));
  const w = recommendationWeights;
  return (
    <section aria-labelledby="method-title">
      <h2 id="method-title">{safeT('report.method')}</h2>
      <p>{safeT('report.method.gap', { target: props.report.target })}</p>
      <p>{safeT('report.method.score', { recipient: w.recipient, applied: w.applied, otherGap: w.otherGap, locator: w.locator })}</p>
      <p>{safeT('report.method.cover')}</p>
    </section>
  );
}

export function DifferenceSection(props: { locale: Locale; report: GapReport }): JSX.Element {
  const { locale, report } = props;
  const difference = report.difference;
  if (!difference) return '';
  const t = assessmentMessages(locale);
  const safeT = escaping(t);
  return (
    <section aria-labelledby="difference-title">
      <h2 id="difference-title" safe>{t('report.difference', { date: formatInstant(locale, difference.previousAt) })}</h2>
      {difference.closed.length ? <p safe>{t('report.difference.closed', { codes: difference.closed.join(', ') })}</p> : ''}
      {difference.opened.length ? <p safe>{t('report.difference.opened', { codes: difference.opened.join(', ') })}</p> : ''}
      {difference.changes.length === 0 ? (
        <p>{safeT('report.difference.none')}</p>
      ) : (
        <table class="chart-table">
          <caption>{safeT('report.difference.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('report.difference.action')}</th>
              <th scope="col" class="num">{safeT('report.difference.before')}</th>
              <th scope="col" class="num">{safeT('report.difference.after')}</th>
            </tr>
          </thead>
          <tbody>
            {difference.changes.map((c) => (
              <tr>
                <th scope="row" safe>{c.code}</th>
                <td class="num" safe>{levelShort(locale, c.before)}</td>
                <td class="num" safe>{levelShort(locale, c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
