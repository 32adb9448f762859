import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSite } from '../../site-import.js';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

describe('registry pages', () => {
  it('serve the list in English and French under a strict CSP', async () => {
    const en = await get('/en/supporters');
    const fr = await get('/fr/supporters');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('13 supporters');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('13 soutiens');
    const csp = String(en.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(en.body).not.toMatch(/<script(?![^>]*\b(src=|type="application\/ld\+json"))/);
  });

  it('filter by the query string, like the API', async () => {
    const page = await get('/en/supporters?category=state');
    expect(page.body).toContain('2 supporters');
    expect(page.body).toContain('Roumanie');
    expect(page.body).not.toContain('Acme Cyber Widgets');
  });

  it('a search for markup is shown as text everywhere it is echoed', async () => {
    const payload = '<img src=x onerror=alert(1)>"\'';
    const page = await get(`/fr/supporters?q=${encodeURIComponent(payload)}`);
    expect(page.statusCode).toBe(200);
    // Inside quoted attribute values "<" is inert; everywhere else it must be escaped.
    const outsideAttributes = page.body.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<img');
    expect(page.body).toContain('« &lt;img src=x onerror=alert(1)>');
  });

  it('a bad query parameter gives a localized 400 page, not a 500', async () => {
    const page = await get('/fr/supporters?year=abc');
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('La requête contient des valeurs invalides');
    expect(page.body).toContain('year');
  });

  it('an unknown slug gives a 404 page in the page language', async () => {
    const fr = await get('/fr/supporters/aucun-soutien');
    expect(fr.statusCode).toBe(404);
    expect(fr.body).toContain('Aucun soutien publié ne porte l’identifiant « aucun-soutien »');
    const en = await get('/en/supporters/no-such-one');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('<html lang="en">');
  });

  it('an unknown page gives a 404 in the language of its path', async () => {
    expect((await get('/fr/nulle-part')).body).toContain('Page introuvable');
    expect((await get('/en/nowhere')).body).toContain('Page not found');
  });

  it('the root redirects to the visitor’s language', async () => {
    const response = await get('/', { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/fr');
  });
});

describe('a supporter page', () => {
  it('shows the entry with JSON-LD Organization and a sanitized statement', async () => {
    const page = await get('/en/supporters/acme_cyber_widgets-private-sector-USA');
    expect(page.statusCode).toBe(200);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1];
    expect(JSON.parse(ld ?? '{}')).toMatchObject({ '@type': 'Organization', name: 'Acme Cyber Widgets', url: 'https://acme-widgets.example/' });
    expect(page.body).toContain('United States');
    expect(page.body).not.toContain('alert("not from us")</script>');
    expect(page.body).toContain('https://x.com/acme_widgets');
  });

  it('names the country in the page language and keeps the published legacy code visible', async () => {
    const page = await get('/fr/supporters/roumanie-state-ROM');
    expect(page.body).toContain('Roumanie');
    expect(page.body).toContain('publié sous le code ROM');
    expect(page.body).toContain('Au plus tard le 16 septembre 2019');
  });
});

describe('embeddable counters', () => {
  it('may be framed by any site and is cacheable', async () => {
    const page = await get('/fr/embed/counters');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect(page.headers['cache-control']).toContain('max-age=300');
    expect(page.body).toContain('États');
  });
});

describe('response cache', () => {
  it('a changed supporter is visible on the very next request', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-site-'));
    fs.cpSync(fixtureSite, site, { recursive: true });
    expect((await get('/en/supporters?q=serbie')).body).toContain('>Serbie<');
    expect((await get('/api/v1/supporters/serbie-state-SCG')).json().name).toBe('Serbie');
    const file = path.join(site, '_supporters/serbie-state-SCG.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: "Serbie"', 'name: "Serbie renommée"'));
    await importSite(t.database, { source: site, firstSeenCsv: path.join(site, 'first-seen.csv'), actor: 'test', events: t.app.context.events });
    expect((await get('/en/supporters?q=serbie')).body).toContain('Serbie renommée');
    expect((await get('/api/v1/supporters/serbie-state-SCG')).json().name).toBe('Serbie renommée');
  });

  it('a cached answer carries the same body and security headers as the first one', async () => {
    const first = await get('/fr/supporters?category=civil-society', { 'accept-encoding': 'gzip' });
    const second = await get('/fr/supporters?category=civil-society', { 'accept-encoding': 'gzip' });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    for (const header of ['content-security-policy', 'content-type', 'etag', 'vary', 'content-encoding', 'x-content-type-options', 'referrer-policy']) {
      expect(second.headers[header], header).toBe(first.headers[header]);
    }
    const embed1 = await get('/en/embed/counters');
    const embed2 = await get('/en/embed/counters');
    expect(embed2.headers['content-security-policy']).toBe(embed1.headers['content-security-policy']);
    expect(embed2.headers['cache-control']).toContain('max-age=300');
  });

  it('serves compressed bytes to clients that accept them', async () => {
    const response = await get('/en/supporters', { 'accept-encoding': 'gzip, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('Accept-Encoding');
  });
});
