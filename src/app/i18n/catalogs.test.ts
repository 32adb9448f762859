import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { negotiateLocale } from './i18n.js';

/**
 * Every catalog of the code base, found by file name so a new module's catalogs are checked without registering them:
 * `locales/en.ts` beside `locales/fr.ts`, and `*.locales.ts` files exporting `en` and `fr`.
 */
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type CatalogModule = { en?: Record<string, string>; fr?: Record<string, string> };

async function findCatalogs(): Promise<Array<[string, Record<string, string>, Record<string, string>]>> {
  const found: Array<[string, Record<string, string>, Record<string, string>]> = [];
  const files = (fs.readdirSync(srcDir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
  for (const file of files) {
    if (file.endsWith('/locales/en.ts')) {
      const english = (await import(path.join(srcDir, file))) as CatalogModule;
      const french = (await import(path.join(srcDir, file.replace(/en\.ts$/, 'fr.ts')))) as CatalogModule;
      if (!english.en || !french.fr) throw new Error(`${file} needs a French catalog beside it`);
      found.push([file.replace('/locales/en.ts', ''), english.en, french.fr]);
    } else if (file.endsWith('.locales.ts')) {
      const module = (await import(path.join(srcDir, file))) as CatalogModule;
      if (module.en && module.fr) found.push([file, module.en, module.fr]);
    }
  }
  return found;
}

const catalogs = await findCatalogs();


function variables(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== TYPE.literal && 'value' in element) into.add(String(element.value));
    if ('options' in element) for (const option of Object.values(element.options)) variables(option.value, into);
    if (element.type === TYPE.tag) variables(element.children, into);
  }
  return into;
}

describe('message catalogs', () => {
  it('finds the catalogs of every module', () => {
    expect(catalogs.map(([name]) => name)).toEqual(expect.arrayContaining(['app/i18n', 'modules/supporters', 'modules/call']));
  });
  for (const [name, en, fr] of catalogs) {
    it(`the ${name} French catalog has exactly the English keys`, () => {
      expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    });
    it(`every ${name} message parses and uses the same variables in English and French`, () => {
      for (const key of Object.keys(en)) {
        const enVars = [...variables(parse(en[key] as string))].sort();
        const frVars = [...variables(parse(fr[key] as string))].sort();
        expect({ key, vars: frVars }).toEqual({ key, vars: enVars });
        expect(fr[key]?.trim(), `${name}:${key} is empty in French`).not.toBe('');
      }
    });
  }
});

describe('language negotiation', () => {
  it.each([
    [undefined, 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,fr;q=0.5', 'fr'],
    ['de', 'en'],
    ['en;q=0.2, fr;q=0.8', 'fr'],
  ])('Accept-Language %s gives %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
