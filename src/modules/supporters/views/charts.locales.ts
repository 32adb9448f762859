import { createTranslator, type Catalog } from '../../../app/i18n/i18n.js';

/** Strings of the world map, the growth chart and their data tables. English is the type; French must match it. */
export const en = {
  'map.desc':
    'Supporters come from {countries, plural, one {# country} other {# countries}}, {states, plural, =0 {none of which has a State supporting the Call} one {# of which has a State supporting the Call} other {# of which have a State supporting the Call}}. Each shaded country links to its supporters; the table of supporters per country gives the same figures.',
  'map.descEmpty': 'No supporter has a country yet, so no country is shaded.',
  'map.country': '{country}: {count, plural, one {# supporter} other {# supporters}}',
  'map.countryState': '{country}: {count, plural, one {# supporter} other {# supporters}}, State supports the Call',
  'map.legend.title': 'Supporters per country',
  'map.legend.none': 'None',
  'map.legend.single': '{from, number}',
  'map.legend.range': '{from, number}–{to, number}',
  'map.legend.atLeast': '{from, number} or more',
  'map.legend.state': 'The State supports the Call (hatched, dark outline)',
  'map.legend.small': 'Country too small to show at this scale',
  'countryTable.country': 'Country',
  'countryTable.supporters': 'Supporters',
  'countryTable.state': 'State supports the Call',
  'countryTable.yes': 'Yes',
  'countryTable.no': 'No',
  'growth.desc':
    'Cumulative number of supporters from {start} to {end}, reaching {total, plural, one {# supporter} other {# supporters}}: {firstSeen, number} dated by their first appearance in the official registry and {signed, number} by their own signature date. The table by year gives the same figures.',
  'growth.legend.firstSeen': 'Dated by first appearance in the official registry (hatched)',
  'growth.legend.signed': 'Dated by signature date (solid)',
  'growth.axis': 'Supporters, cumulative',
  'growth.annotation.date': '{date}: the official registry begins',
  'growth.annotation.count': '{count, plural, one {# supporter dated by this day: listed} other {# supporters dated by this day: listed}} on or before it',
  'growth.empty': 'No data yet: no supporter has a signature date or a first-seen date, so there is no growth to chart.',
  'growthTable.caption': '{title}, by year',
  'growthTable.year': 'Year',
  'growthTable.signed': 'Joined, dated by signature',
  'growthTable.firstSeen': 'Joined, dated by first appearance',
  'growthTable.total': 'Cumulative total',
  'growthTable.note':
    'First-appearance dates are when a supporter first appeared in the official registry’s repository. That repository begins on {date}, so a first-appearance date of {date} means “on or before {date}”{count, plural, =0 {} one {; # supporter has that date} other {; # supporters have that date}}.',
  'milestone.label': '{count, number}',
  'milestone.label.atLeast': '> {count, number}',
  'milestone.legend': 'Supporters announced publicly on that day (sources in the table below the chart)',
  'milestoneTable.caption': 'Supporters announced in public statements',
  'milestoneTable.date': 'Date',
  'milestoneTable.total': 'All supporters',
  'milestoneTable.state': 'States',
  'milestoneTable.public-authority': 'Public authorities',
  'milestoneTable.private-sector': 'Private sector',
  'milestoneTable.civil-society': 'Civil society',
  'milestoneTable.source': 'Source',
  'milestoneTable.moreThan': 'more than ',
  'milestone.note':
    'These are the counts announced on the day, not the registry’s: the official registry’s repository begins on {date}, and supporters who left before then, or never had a file, are not in it. Where a statement gives only some categories (the launch), the point shows their sum.',
} as const;

export const fr: Catalog<typeof en> = {
  'map.desc':
    'Les soutiens viennent de {countries, plural, one {# pays} other {# pays}} ; {states, plural, =0 {dans aucun d’eux l’État ne soutient l’Appel} other {dans # d’entre eux, l’État soutient l’Appel}}. Chaque pays coloré mène à ses soutiens ; le tableau des soutiens par pays donne les mêmes chiffres.',
  'map.descEmpty': 'Aucun soutien n’a encore de pays : aucun pays n’est coloré.',
  'map.country': '{country} : {count, plural, one {# soutien} other {# soutiens}}',
  'map.countryState': '{country} : {count, plural, one {# soutien} other {# soutiens}}, l’État soutient l’Appel',
  'map.legend.title': 'Soutiens par pays',
  'map.legend.none': 'Aucun',
  'map.legend.single': '{from, number}',
  'map.legend.range': '{from, number} à {to, number}',
  'map.legend.atLeast': '{from, number} ou plus',
  'map.legend.state': 'L’État soutient l’Appel (hachures, contour foncé)',
  'map.legend.small': 'Pays trop petit pour apparaître à cette échelle',
  'countryTable.country': 'Pays',
  'countryTable.supporters': 'Soutiens',
  'countryTable.state': 'L’État soutient l’Appel',
  'countryTable.yes': 'Oui',
  'countryTable.no': 'Non',
  'growth.desc':
    'Nombre cumulé de soutiens de {start} à {end}, jusqu’à {total, plural, one {# soutien} other {# soutiens}} : {firstSeen, number} datés par leur première apparition dans le registre officiel et {signed, number} par leur propre date de signature. Le tableau par année donne les mêmes chiffres.',
  'growth.legend.firstSeen': 'Datés par leur première apparition dans le registre officiel (hachures)',
  'growth.legend.signed': 'Datés par leur date de signature (aplat)',
  'growth.axis': 'Soutiens, en cumul',
  'growth.annotation.date': '{date} : début du registre officiel',
  'growth.annotation.count': '{count, plural, one {# soutien daté de ce jour : inscrit} other {# soutiens datés de ce jour : inscrits}} ce jour-là ou avant',
  'growth.empty':
    'Pas encore de données : aucun soutien n’a de date de signature ni de date de première apparition, il n’y a donc pas de croissance à représenter.',
  'growthTable.caption': '{title}, par année',
  'growthTable.year': 'Année',
  'growthTable.signed': 'Arrivées datées par la signature',
  'growthTable.firstSeen': 'Arrivées datées par la première apparition',
  'growthTable.total': 'Total cumulé',
  'growthTable.note':
    'La date de première apparition est celle à laquelle un soutien est apparu pour la première fois dans le dépôt du registre officiel. Ce dépôt commence le {date} : une date de première apparition au {date} signifie «\u00a0le {date} ou avant\u00a0»{count, plural, =0 {} one { ; # soutien a cette date} other { ; # soutiens ont cette date}}.',
  'milestone.label': '{count, number}',
  'milestone.label.atLeast': '> {count, number}',
  'milestone.legend': 'Soutiens annoncés publiquement ce jour-là (sources dans le tableau sous le graphique)',
  'milestoneTable.caption': 'Soutiens annoncés dans des déclarations publiques',
  'milestoneTable.date': 'Date',
  'milestoneTable.total': 'Tous les soutiens',
  'milestoneTable.state': 'États',
  'milestoneTable.public-authority': 'Autorités publiques',
  'milestoneTable.private-sector': 'Secteur privé',
  'milestoneTable.civil-society': 'Société civile',
  'milestoneTable.source': 'Source',
  'milestoneTable.moreThan': 'plus de ',
  'milestone.note':
    'Ce sont les chiffres annoncés ce jour-là, pas ceux du registre : le dépôt du registre officiel commence le {date}, et les soutiens partis avant, ou qui n’y ont jamais eu de fiche, n’y figurent pas. Quand une déclaration ne donne que certaines catégories (le lancement), le point indique leur somme.',
};

/** Translator for the chart components: `chartMessages(locale)('map.legend.title')`. */
export const chartMessages = createTranslator<typeof en>({ en, fr });
