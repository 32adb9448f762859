import type { Catalog } from '../../../app/i18n/i18n.js';
import type { en } from './en.js';

export const fr: Catalog<typeof en> = {
  'call.title': 'L’Appel de Paris pour la confiance et la sécurité dans le cyberespace',
  'call.missing': 'Le texte de l’Appel n’a pas encore été importé.',
  'call.notTranslated': 'Ce texte n’est pas encore disponible en français ; il est affiché en anglais.',
  'principles.title': 'Les 9 principes',
  'principles.intro': 'Les soutiens de l’Appel de Paris s’engagent à travailler ensemble pour :',
  'principles.number': 'Principe {number}',
  'principles.caseStudies': 'Études de cas',
  'principles.noCaseStudies': 'Aucune étude de cas n’a encore été publiée pour ce principe.',
  'principles.related': 'Outils de l’Appel pour ce principe',
  'principles.all': 'Tous les principes',
  'principles.missing': 'Les principes n’ont pas encore été importés.',
  'home.callIntro': 'Lancé en 2018, l’Appel de Paris réunit des États, des organismes publics, des entreprises et des organisations de la société civile autour de neuf principes pour un cyberespace sûr et pacifique.',
  // Errors, by error code
  'call.principle.not-found': 'Ce principe n’existe pas',
};
