import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createTotpRepository } from './accounts.totp.repository.js';

/** The authenticator app: whether one is set up and since when (never its key); erased with the account. */
export const totpPrivacyPart: PrivacyPart = {
  name: 'authenticatorApp',
  order: 90,
  async export(db, user) {
    const repository = createTotpRepository(db);
    const factor = await repository.get(user.id);
    if (!factor?.confirmedAt) return null;
    return { setUpAt: factor.confirmedAt, recoveryCodesLeft: await repository.unusedRecoveryCodes(user.id) };
  },
  async erase(tx, user) {
    await createTotpRepository(tx).remove(user.id);
  },
};
