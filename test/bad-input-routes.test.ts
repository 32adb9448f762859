import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from './helpers/app.js';
import { csrfFor, signInAs } from './helpers/auth.js';
import { registeredRoutes, type Route } from './helpers/routes.js';
import { applicationFormSchema } from '../src/modules/applications/applications.schemas.js';
import { submitApplication } from '../src/modules/applications/applications.usecases.js';
import { supporters } from '../src/modules/supporters/supporters.tables.js';
import { createDraftEdition } from '../src/modules/index/index.usecases.js';
import { fixtureTable } from '../src/modules/index/index.usecases.test-support.js';

/**
 * The bad-input corpus as a generated test over every registered route: NUL and other control characters and
 * `__proto__` in each path parameter (and one that does not decode, one over the router's length limit), in the query
 * keys the pages read and in the form fields they take, anonymous and as a signed-in administrator. A client's mistake
 * is never a 5xx, and the API and the data downloads (`*.csv`, `*.json`, `*.xlsx`, query string or not) answer it as
 * problem+json with the security headers.
 */
let t: TestApp;

/**
 * What a path parameter may hold: a NUL (alone, inside, at the end), another C0 character, DEL, a bidi override, a
 * prototype key, a percent sign that decodes to nothing, a length over the router's limit.
 */
const badParams = ['%00', 'a%00b', 'pilot%00', '%01', '%7F', '%E2%80%AE', '__proto__', 'constructor', '%zz', 'a'.repeat(150)];

/** The API and the downloads, whose errors are problem+json (written here apart from the server's own rule). */
function isDataRoute(url: string): boolean {
  const path = url.split('?')[0]!;
  return path.startsWith('/api/') || /\.(csv|json|xlsx)$/.test(path);
}
/** Query keys the pages read, each given a bad value. */
const badQuery = ['q=%00', 'done=__proto__', 'slug=%00', 'token=%00', 'next=%2Fen%00', 'time=%00', 'status=__proto__', 'page=%00', 'country=%00', 'nature=%00'].join('&');
const badQueries = [badQuery, 'done=constructor&q=a%01b', 'done=%3Cb%3Eofficial%20notice%3C%2Fb%3E'];
/** Form fields the forms read, each with a control character. */
const badFields = [
  'name', 'email', 'session', 'passkey', 'reason', 'message', 'reference', 'role', 'status', 'label', 'token', 'applicationId', 'next', 'locale', 'confirm',
  'q', 'category', 'countryCode', 'nature', 'website', 'statement', 'executiveName', 'executiveEmail', 'titleEn', 'titleFr', 'slug', 'source', 'noteEn', 'noteFr',
].map((field) => `${field}=a%00b`);
/** The same fields as a multipart form (the index secretariat's forms), with a pipeline whose keys hold a NUL. */
const boundary = 'probe-boundary';
const multipartBody = [
  ...badFields.map((pair) => [pair.split('=')[0]!, 'a\u0000b'] as const),
  ['pipeline', JSON.stringify({ steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }], weights: { 'a\u0000b': 1 } })],
  ['seed', '1'], ['runs', '64'], ['weightPerturbation', '0.1'], ['version', '1'],
]
  .map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  .join('');

/** Routes a probe must not call for real: signing out ends the session the other probes use. */
const skipped = new Set(['POST /en/sign-out', 'POST /fr/sign-out']);

/** Identifiers that exist, so that the query probes reach the handlers' later steps (`?done=` on a real application). */
const known: Record<string, string> = {};

function urlsFor(route: Route): string[] {
  const params = route.path.match(/:\w+/g) ?? [];
  const urls = params.length ? badParams.map((value) => route.path.replace(/:\w+/g, value)) : [route.path];
  // Query keys on a real identifier where there is one, else a well-formed unknown one.
  const plain = route.path.replace(/\/(\w+)\/:(\w+)/g, (_all, parent: string, name: string) => `/${parent}/${known[`${parent}/${name}`] ?? 'x'}`);
  if (route.method === 'POST') return params.length ? [...urls, plain] : urls;
  return [...urls, ...badQueries.map((q) => `${plain}?${q}`)];
}

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: 'bad-input-routes-secret-key-0123456789abcdef' } });
  const [supporter] = await t.database.db.select({ id: supporters.id, slug: supporters.slug }).from(supporters).limit(1);
  const form = applicationFormSchema.parse({
    category: 'civil-society', name: 'Probe Org', countryCode: 'BEL', website: 'https://probe.example', executiveName: 'Pro Be',
    executiveEmail: 'probe@probe.example', statementLocale: 'en', acceptCall: 'on', acceptPrivacy: 'on',
  });
  const { applicationId } = await submitApplication({ db: t.database.db, events: t.app.context.events, config: t.config }, { locale: 'en', form });
  await createDraftEdition({ db: t.database.db }, { kind: 'system', ref: 'cli:test' }, {
    slug: 'probe-draft',
    titles: { en: 'Probe draft', fr: 'Brouillon sonde' },
    iData: fixtureTable('small-iData.csv'),
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
  });
  Object.assign(known, { 'supporters/slug': supporter!.slug, 'organisations/supporterId': supporter!.id, 'applications/id': applicationId, 'index/slug': 'probe-draft' });
});
afterAll(async () => t?.close());

describe.each([
  ['anonymous', async () => ({ cookie: '' })],
  ['an administrator', async () => ({ cookie: (await signInAs(t, { email: 'admin@secretariat.example', role: 'admin' })).cookie })],
])('bad input on every route, %s', (_who, session) => {
  it('no 5xx, and problem+json with the security headers from the API and the downloads', async () => {
    const { cookie } = await session();
    // Routes that end what others work on (discarding the draft edition) run last.
    const last = (route: Route) => (/\/(discard|withdraw)$/.test(route.path) ? 1 : 0);
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      // The API documentation is the framework's own (swagger-ui's static files and wildcard).
      .filter((route) => !route.path.includes('*') && !route.path.startsWith('/api/docs'))
      .sort((a, b) => last(a) - last(b));
    expect(routes.length).toBeGreaterThan(60);
    const form = await csrfFor(t, cookie ? '/en/account' : '/en/sign-in', cookie);
    expect(form.token, 'a CSRF token to post with').not.toBe('');
    const failures: string[] = [];
    let probes = 0;
    for (const route of routes) {
      if (skipped.has(`${route.method} ${route.path}`)) continue;
      for (const url of urlsFor(route)) {
        const responses =
          route.method === 'GET'
            ? [await t.app.inject({ method: 'GET', url, headers: form.cookie ? { cookie: form.cookie } : {} })]
            : [
                await t.app.inject({
                  method: 'POST',
                  url,
                  headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': form.token },
                  payload: [`_csrf=${encodeURIComponent(form.token)}`, 'version=1', ...badFields].join('&'),
                }),
                await t.app.inject({
                  method: 'POST',
                  url,
                  headers: { cookie: form.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': form.token },
                  payload: `--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${form.token}\r\n${multipartBody}--${boundary}--\r\n`,
                }),
                await t.app.inject({
                  method: 'POST',
                  url,
                  headers: { cookie: form.cookie, 'content-type': 'application/json', 'x-csrf-token': form.token },
                  payload: JSON.stringify(Object.fromEntries([['_csrf', form.token], ...badFields.map((pair) => [pair.split('=')[0]!, 'a\u0000b'])])),
                }),
              ];
        for (const response of responses) {
          probes++;
          if (response.statusCode >= 500) failures.push(`${route.method} ${url} → ${response.statusCode}`);
          else if (isDataRoute(url) && response.statusCode >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) {
            failures.push(`${route.method} ${url} → ${response.statusCode} ${response.headers['content-type']}`);
          } else if (response.statusCode >= 400 && response.headers['x-content-type-options'] !== 'nosniff') {
            failures.push(`${route.method} ${url} → ${response.statusCode} without the security headers`);
          } else if (/\[object Object\]|class="notice"[^>]*>[^<]*(official notice|__proto__|constructor)/.test(response.body)) {
            failures.push(`${route.method} ${url} shows the query's text`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(500);
  }, 240_000);
});
