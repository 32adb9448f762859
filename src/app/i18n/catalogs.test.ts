import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en as appEn } from './locales/en.js';
import { fr as appFr } from './locales/fr.js';
import { en as supportersEn } from '../../modules/supporters/locales/en.js';
import { fr as supportersFr } from '../../modules/supporters/locales/fr.js';
import { en as callEn } from '../../modules/call/locales/en.js';
import { fr as callFr } from '../../modules/call/locales/fr.js';
import { en as chartsEn, fr as chartsFr } from '../../modules/supporters/views/charts.locales.js';
import { negotiateLocale } from './i18n.js';

const catalogs: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['app', appEn, appFr],
  ['supporters', supportersEn, supportersFr],
  ['call', callEn, callFr],
  ['charts', chartsEn, chartsFr],
];

function variables(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== TYPE.literal && 'value' in element) into.add(String(element.value));
    if ('options' in element) for (const option of Object.values(element.options)) variables(option.value, into);
    if (element.type === TYPE.tag) variables(element.children, into);
  }
  return into;
}

describe('message catalogs', () => {
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
