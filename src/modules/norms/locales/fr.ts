import type { Catalog } from '../../../app/i18n/i18n.js';
import type { en } from './en.js';

/** Chaînes des pages des normes. */
export const fr: Catalog<typeof en> = {
  'norms.title': 'Normes de l’ONU pour un comportement responsable des États',
  'norms.intro':
    'Les onze normes volontaires et non contraignantes recommandées en 2015 par le Groupe d’experts gouvernementaux des Nations unies (rapport A/70/174, paragraphe 13) et approuvées par l’Assemblée générale (résolution 70/237). Chaque page indique les outils de la plateforme qui aident à mettre la norme en œuvre.',
  'norms.empty': 'Les normes ne sont pas encore chargées.',
  'norms.paragraph': 'A/70/174, paragraphe {paragraph}',
  'norms.open': 'Norme {paragraph}',
  'norm.text': 'Texte de la norme',
  'norm.source': 'Source',
  'norm.g7': 'Formulation française de la synthèse du G7',
  'norm.g7.note': 'L’Initiative du G7 pour des normes dans le cyberespace (Dinard, 2019) a formulé la norme en français comme ci-dessous ; ce n’est pas le texte français officiel de l’ONU, que la plateforme n’a pas encore.',
  'norm.related': 'Outils de l’Appel pour cette norme',
  'norm.noRelated': 'Aucun outil de la plateforme n’est encore lié à cette norme.',
  'norm.all': 'Toutes les normes',
  'error.norm.notFound': 'Norme inconnue : les normes sont les alinéas 13 a) à 13 k) du rapport A/70/174.',
};
