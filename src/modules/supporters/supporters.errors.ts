import { defineError } from '../../app/http/errors.js';

export const supporterNotFound = defineError<{ slug: string }>('supporters.not-found', 404, (locale, { slug }) =>
  locale === 'fr' ? `Aucun soutien publié ne porte l’identifiant « ${slug} »` : `No published supporter has the identifier "${slug}"`,
);

export const importInvalid = defineError<{ errors: number }>('supporters.import.invalid', 422, (locale, { errors }) =>
  locale === 'fr'
    ? `${errors} fichier(s) invalide(s) : rien n’a été importé (utilisez --skip-invalid pour importer le reste)`
    : `${errors} invalid file(s): nothing was imported (use --skip-invalid to import the rest)`,
);

/** A withdrawn entry answers 410 Gone with its public record: who left and when (no reason, nothing personal). */
export const supporterWithdrawn = defineError<{ name: string; on: string }>('supporters.withdrawn', 410, (locale, { name, on }) =>
  locale === 'fr' ? `« ${name} » s’est retiré de l’Appel le ${on}` : `"${name}" withdrew from the Call on ${on}`,
);
