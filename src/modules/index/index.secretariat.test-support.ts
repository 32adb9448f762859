import type { TestApp } from '../../../test/helpers/app.js';
import { csrfFor } from '../../../test/helpers/auth.js';

/** A form field: text, or a file with its name. */
export type Part = string | { name: string; bytes: Buffer };

/** A multipart/form-data body as a browser sends it, built by the platform's own FormData and Response. */
export async function multipartBody(fields: Record<string, Part>): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.bytes)]), value.name);
  }
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}

/** Posts a multipart form with the CSRF token of a page that has a form (`page`), as the session in `cookie`. */
export async function postMultipart(t: TestApp, url: string, fields: Record<string, Part>, cookie: string, page = '/en/secretariat/index') {
  const csrf = await csrfFor(t, page, cookie);
  const { payload, contentType } = await multipartBody({ _csrf: csrf.token, ...fields });
  return t.app.inject({ method: 'POST', url, payload, headers: { cookie: csrf.cookie, 'content-type': contentType } });
}

/** Posts a urlencoded form with the CSRF token of `page`. */
export async function postForm(t: TestApp, url: string, fields: Record<string, string>, page: string, cookie: string) {
  const csrf = await csrfFor(t, page, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
}
