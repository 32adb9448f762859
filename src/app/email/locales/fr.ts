import type { Catalog } from '../../i18n/i18n.js';
import type { en } from './en.js';

export const fr: Catalog<typeof en> = {
  'email.footer.automated': 'Ce message a été envoyé automatiquement par la plateforme de l’Appel de Paris ; les réponses ne sont pas lues.',
  'email.footer.site': 'Appel de Paris pour la confiance et la sécurité dans le cyberespace',
  'email.action.fallback': 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
};
