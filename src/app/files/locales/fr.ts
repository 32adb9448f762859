import type { Catalog } from '../../i18n/i18n.js';
import type { en } from './en.js';

export const fr: Catalog<typeof en> = {
  'file.refused.type':
    '« {name} » n’est pas un document que la plateforme accepte : seulement des PDF, des documents bureautiques (Word, Excel, PowerPoint, OpenDocument) et des images (PNG, JPEG, GIF, WebP), vérifiés d’après le contenu du fichier.',
  'file.refused.size': '« {name} » dépasse {max} Mo.',
  'file.refused.empty': '« {name} » est vide.',
};
