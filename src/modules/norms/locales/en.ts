/** Strings of the norms pages. English is the type; French must match it. */
export const en = {
  'norms.title': 'UN norms of responsible State behaviour',
  'norms.intro':
    'The eleven voluntary, non-binding norms recommended by the UN Group of Governmental Experts in 2015 (report A/70/174, paragraph 13) and endorsed by the General Assembly (resolution 70/237). Each page lists the platform’s tools that help implement the norm.',
  'norms.empty': 'The norms have not been loaded yet.',
  'norms.paragraph': 'A/70/174, paragraph {paragraph}',
  'norms.open': 'Norm {paragraph}',
  'norm.text': 'Text of the norm',
  'norm.source': 'Source',
  'norm.g7': 'French wording of the G7 synthesis',
  'norm.g7.note': 'The G7 Cyber Norm Initiative (Dinard, 2019) worded the norm in French as below; it is not the UN’s official French text, which the platform does not hold yet.',
  'norm.related': 'Tools of the Call for this norm',
  'norm.noRelated': 'No tool of the platform is linked to this norm yet.',
  'norm.all': 'All norms',
  'error.norm.notFound': 'No such norm: the norms are 13(a) to 13(k) of A/70/174.',
} as const;
