import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createConsultationsPersonalDataRepository } from './consultations.repository.js';

/**
 * A person's inputs to consultations. Erasure removes their name from every input (a named one is then published
 * anonymously): the text stays, because the co-chairs' dispositions and the revised text refer to it.
 */
export const consultationsPrivacyPart: PrivacyPart = {
  name: 'consultations',
  async export(db, user) {
    return { inputs: await createConsultationsPersonalDataRepository(db).inputsOf(user.id) };
  },
  async erase(tx, user) {
    await createConsultationsPersonalDataRepository(tx).unnameInputs(user.id);
  },
};
