/**
 * Progressive enhancement for passkeys: shows the "sign in with a passkey" button and the "add a passkey" form only
 * in browsers that support WebAuthn, and runs the ceremonies against the server's JSON endpoints. Without this
 * script (or without support) the pages still work: e-mail links sign in, passkeys can be listed and removed.
 */
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

async function postJson(url: string, csrf: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function status(root: HTMLElement, message: string): void {
  const region = root.querySelector<HTMLElement>('[data-passkey-status]');
  if (region) region.textContent = message;
}

function follow(result: unknown, fallback: string): void {
  const redirect = (result as { redirect?: unknown }).redirect;
  // Only same-site paths: the server sends `/en/…`, never another origin.
  window.location.assign(typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : fallback);
}

const signIn = document.querySelector<HTMLElement>('[data-passkey="sign-in"]');
if (signIn && browserSupportsWebAuthn()) {
  signIn.hidden = false;
  const { csrf = '', optionsUrl = '', verifyUrl = '', next = '', failed = '' } = signIn.dataset;
  signIn.querySelector('button')?.addEventListener('click', async () => {
    status(signIn, '');
    try {
      const optionsJSON = (await postJson(optionsUrl, csrf, {})) as Parameters<typeof startAuthentication>[0]['optionsJSON'];
      const response = await startAuthentication({ optionsJSON });
      follow(await postJson(verifyUrl, csrf, { response, next }), '/');
    } catch {
      status(signIn, failed);
    }
  });
}

const register = document.querySelector<HTMLFormElement>('form[data-passkey="register"]');
if (register) {
  register.hidden = false;
  const { csrf = '', optionsUrl = '', verifyUrl = '', next = '', failed = '', unsupported = '' } = register.dataset;
  if (!browserSupportsWebAuthn()) {
    register.querySelector('button')?.setAttribute('disabled', '');
    status(register, unsupported);
  }
  register.addEventListener('submit', async (event) => {
    event.preventDefault();
    status(register, '');
    const label = register.querySelector<HTMLInputElement>('input[name="label"]')?.value ?? '';
    try {
      const optionsJSON = (await postJson(optionsUrl, csrf, {})) as Parameters<typeof startRegistration>[0]['optionsJSON'];
      const response = await startRegistration({ optionsJSON });
      follow(await postJson(verifyUrl, csrf, { response, label, next }), window.location.pathname);
    } catch {
      status(register, failed);
    }
  });
}
