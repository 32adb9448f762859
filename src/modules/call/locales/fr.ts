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
  'principles.downloads': 'Les principes en données :',
  'principles.downloads.csv': 'CSV',
  'principles.downloads.json': 'JSON (API)',
  // Formulaire du secrétariat pour les noms d’un principe
  'principleForm.title': 'Modifier le principe {number}',
  'principleForm.intro': 'Le nom court du principe (dans les listes et les titres) et son nom complet (son engagement, tel que l’Appel le formule), en anglais et en français. Toute modification est inscrite au journal d’audit, et un import ultérieur de l’Appel la conserve.',
  'principleForm.shortNameEn': 'Nom court en anglais',
  'principleForm.shortNameFr': 'Nom court en français',
  'principleForm.fullNameEn': 'Nom complet en anglais',
  'principleForm.fullNameFr': 'Nom complet en français',
  'principleForm.fr.hint': 'Laissez vide tant qu’il n’est pas traduit : les pages en français affichent alors l’anglais.',
  'principleForm.submit': 'Enregistrer le principe',
  'principleForm.done': 'Le principe a été enregistré.',
  'principleForm.problem': 'Le formulaire comporte des erreurs : voir les messages à côté des champs.',
  'principleForm.public': 'Voir la page du principe',
  'principle.error.required': 'Remplissez ce champ.',
  'principle.error.tooLong': 'Ce texte est trop long.',
  'principle.error.control': 'Ce texte contient des caractères non autorisés.',
  'principle.error.invalid': 'Cette valeur n’est pas valide.',
  // En-têtes CSV
  'principles.csv.number': 'Numéro',
  'principles.csv.shortNameEn': 'Nom court (anglais)',
  'principles.csv.shortNameFr': 'Nom court (français)',
  'principles.csv.fullNameEn': 'Nom complet (anglais)',
  'principles.csv.fullNameFr': 'Nom complet (français)',
  // Errors, by error code
  'call.principle.not-found': 'Ce principe n’existe pas',
};
