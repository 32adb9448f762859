import type { Catalog } from '../i18n.js';
import type { en } from './en.js';

export const fr: Catalog<typeof en> = {
  'site.name': 'Appel de Paris',
  'site.tagline': 'pour la confiance et la sécurité dans le cyberespace',
  'layout.skip': 'Aller au contenu',
  'layout.nav.label': 'Navigation principale',
  'layout.nav.home': 'Accueil',
  'layout.nav.call': 'L’Appel',
  'layout.nav.principles': 'Les 9 principes',
  'layout.nav.supporters': 'Soutiens',
  'layout.nav.map': 'Carte et croissance',
  'layout.nav.api': 'Données ouvertes et API',
  'layout.language.switch': 'English',
  'layout.footer.data':
    'Données du registre : dépôt officiel de l’Appel de Paris (EUPL-1.2). Cette plateforme est un logiciel libre.',
  'layout.footer.download': 'Télécharger tous les soutiens (CSV)',
  'error.notFound.title': 'Page introuvable',
  'error.notFound.body': 'Aucune page ne se trouve à cette adresse. Elle a pu être déplacée, ou le lien contient une faute.',
  'error.badRequest.title': 'Cette requête n’a pas pu être comprise',
  'error.internal.title': 'Une erreur s’est produite de notre côté',
  'error.internal.body': 'L’erreur a été enregistrée. Veuillez réessayer dans un instant.',
  'error.back': 'Retour à l’accueil',
  'error.tooManyRequests.title': 'Trop de requêtes',
  'error.tooManyRequests.body': 'Veuillez patienter une minute avant de réessayer.',
  'validation.invalidValue': '{field} : {message}',
};
