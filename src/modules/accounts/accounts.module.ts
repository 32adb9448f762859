import type { AppModule } from '../../app/app-module.js';
import { accountsAccess } from './accounts.access.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { registerAccountPages } from './accounts.account.js';
import { registerPasskeyPages } from './accounts.passkeys.js';
import { accountPrivacyPart } from './accounts.privacy.js';
import { registerSecretariatUserPages } from './accounts.secretariat.js';
import { registerSignInPages } from './accounts.sign-in.js';
import { registerTotpPages } from './accounts.totp.js';

/** Accounts: sign-in by e-mail link or passkey, the account page, personal data requests, secretariat accounts. */
export const accountsModule: AppModule = {
  name: 'accounts',
  access: accountsAccess,
  async register(app, context) {
    registerPrivacyPart(accountPrivacyPart);
    await registerSignInPages(app, context);
    await registerAccountPages(app, context);
    await registerPasskeyPages(app, context);
    await registerTotpPages(app, context);
    await registerSecretariatUserPages(app, context);
  },
};
