/** Strings of the Call's pages. */
export const en = {
  'call.title': 'The Paris Call for Trust and Security in Cyberspace',
  'call.missing': 'The text of the Call has not been imported yet.',
  'call.notTranslated': 'This text is not yet available in English; it is shown in French.',
  'principles.title': 'The 9 principles',
  'principles.intro': 'The supporters of the Paris Call commit to working together to:',
  'principles.number': 'Principle {number}',
  'principles.caseStudies': 'Case studies',
  'principles.noCaseStudies': 'No case study has been published for this principle yet.',
  'principles.related': 'Tools of the Call for this principle',
  'principles.all': 'All principles',
  'principles.missing': 'The principles have not been imported yet.',
  'home.callIntro': 'Launched in 2018, the Paris Call brings together States, public authorities, companies and civil society organisations around nine principles for a secure and peaceful cyberspace.',
  // Errors, by error code
  'call.principle.not-found': 'There is no such principle',
} as const;
