/** Headings of the practice library's groups on principle, norm and supporter pages. */
export const en = {
  'contributions.practices': 'Practices reported',
  'contributions.caseStudies': 'Case studies (practice library)',
  'contributions.practices.none': 'No practice linked to it has been published yet.',
  'contributions.supporters': 'The supporters behind them',
  'contributions.supporters.count': '{count, plural, one {# practice or case study} other {# practices and case studies}}',
} as const;
