import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import { clientDir } from './assets.js';

/**
 * The policy of the docs page: the site's own (no inline script or style; the UI sets styles through the DOM, which a
 * policy does not block), plus data: images, which the UI uses for its icons.
 */
export const apiDocsCsp =
  "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self'";

const themeCss = `
.platform-bar { background: #1a1f36; padding: 0.6rem 1.25rem; font-family: system-ui, sans-serif; }
.platform-bar a { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.15rem; display: inline-flex; align-items: center; gap: 0.6rem; }
.platform-bar img { width: 32px; height: 32px; }
`;

/** A bar above the UI with the platform's icon and name, linking home: the page is the platform's, not the vendor's. */
const themeJs = (title: string) => `
document.addEventListener('DOMContentLoaded', function () {
  var bar = document.createElement('header');
  bar.className = 'platform-bar';
  var link = document.createElement('a');
  link.href = '/';
  var icon = document.createElement('img');
  icon.src = './static/theme/favicon.svg';
  icon.alt = '';
  link.appendChild(icon);
  link.appendChild(document.createTextNode(${JSON.stringify(title)}));
  bar.appendChild(link);
  document.body.insertBefore(bar, document.body.firstChild);
});
`;

/**
 * @fastify/swagger-ui at /api/docs, as the platform's page: its title, icon and name in a bar of its colours, and the
 * UI's base layout, without the vendor's top bar (whose logo is an SVG with an inline <style> that a strict policy
 * blocks). The default policy of the plugin allowed styles from any https: origin; this page needs none.
 */
export async function apiDocsOptions(title: string): Promise<FastifySwaggerUiOptions> {
  const icon = await fs.readFile(path.join(clientDir, 'favicon.svg'));
  return {
    routePrefix: '/api/docs',
    uiConfig: { url: '/api/openapi.json', layout: 'BaseLayout' } as never,
    staticCSP: apiDocsCsp,
    logo: { type: 'image/svg+xml', content: icon, href: '/', target: '_self' },
    theme: {
      title,
      css: [{ filename: 'platform.css', content: themeCss }],
      js: [{ filename: 'platform.js', content: themeJs(title) }],
      favicon: [{ filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: icon }],
    },
  };
}
