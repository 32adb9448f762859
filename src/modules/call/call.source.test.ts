import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import { cleanJekyllMarkdown, isSiteRelative, parsePrinciples, readCallContent, type ParsedCall } from './call.source.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixtureDir = path.join(repoRoot, 'test/fixtures/official-site');
const invalidDir = path.join(repoRoot, 'test/fixtures/invalid-site');
const real = needsShared('readCallContent on the real snapshot', sharedPaths.officialSite);
const realDir = real.path;

function documentText(parsed: ParsedCall, key: string, locale: 'en' | 'fr'): string {
  const document = parsed.documents.find((d) => d.key === key && d.locale === locale);
  if (!document) throw new Error(`no document ${key} ${locale}`);
  return document.markdown;
}

describe('readCallContent on the fixture checkout', () => {
  it('reads the Call and the nine case studies in both languages, with their source paths', async () => {
    const parsed = await readCallContent(fixtureDir);
    expect(parsed.documents.map((d) => `${d.locale} ${d.key}`)).toEqual([
      'en call',
      ...Array.from({ length: 9 }, (_, i) => `en case-studies/principle-${i + 1}`),
      'fr call',
      ...Array.from({ length: 9 }, (_, i) => `fr case-studies/principle-${i + 1}`),
    ]);
    expect(parsed.documents[1]?.source).toBe('_includes/pages/texts/en/case-studies/principle-1.md');
  });

  it('strips the logo, Liquid, kramdown attributes and site-relative links, and keeps the rest of the Markdown', async () => {
    const parsed = await readCallContent(fixtureDir);
    expect(documentText(parsed, 'call', 'en')).toBe(
      [
        "This is a **fictitious test text** that stands in for the Call in the importer's tests.",
        '',
        'We support an open, secure and peaceful cyberspace, as says.',
        '',
        'Read the list of supporters or the [official site](https://pariscall.international/en/).',
        '',
        '- First commitment of the fixture;',
        '- Second commitment of the fixture.',
        '',
        'Paris, 1st of April, 2000',
      ].join('\n'),
    );
  });

  it('warns once about the Liquid output whose text is lost, and about nothing else', async () => {
    const parsed = await readCallContent(fixtureDir);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ source: '_includes/pages/texts/en/call/paris-call.md', severity: 'warning', code: 'call.source.liquid-removed' }),
    ]);
  });

  it('normalises the NFD French text to NFC', async () => {
    const text = documentText(await readCallContent(fixtureDir), 'call', 'fr');
    expect(text).toBe(text.normalize('NFC'));
    expect(text.startsWith('Ceci est un **texte d’essai fictif**'.normalize('NFC'))).toBe(true);
  });

  it('reads the nine principles with short and full names in English and French', async () => {
    const { principles } = await readCallContent(fixtureDir);
    expect(principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(principles[1]).toEqual({
      number: 2,
      shortName: { en: 'Protect the Internet', fr: 'Protéger l’internet' },
      fullName: {
        en: 'Do not damage the public core of the Internet (fixture text).',
        fr: 'Ne pas endommager le cœur public de l’internet (texte d’essai).',
      },
    });
  });
});

describe('readCallContent on an incomplete checkout', () => {
  it('warns about each missing text and reports broken principles YAML at its line', async () => {
    const parsed = await readCallContent(invalidDir);
    expect(parsed.documents).toEqual([]);
    expect(parsed.principles).toEqual([]);
    const missing = parsed.issues.filter((i) => i.code === 'call.source.missing-file');
    expect(missing).toHaveLength(20);
    expect(missing.every((i) => i.severity === 'warning')).toBe(true);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ source: '_data/translations/principles.yml', line: 3, code: 'call.source.invalid-yaml' }),
    ]);
  });

  it('warns when the principles file is missing', async () => {
    const parsed = await readCallContent(path.join(invalidDir, '_supporters'));
    expect(parsed.issues.filter((i) => i.source === '_data/translations/principles.yml')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'call.source.missing-file' }),
    ]);
  });
});

describe('parsePrinciples', () => {
  it('warns about a missing principle and a missing translation, which stays absent rather than empty', () => {
    const yaml = [
      'title:',
      '  en: ignored',
      'principle-1:',
      '  short:',
      '    en: Protect',
      '    fr: ""',
      '  full:',
      '    en: Protect people.',
      '    fr: Protéger les personnes.',
    ].join('\n');
    const { principles, issues } = parsePrinciples(yaml, 'p.yml');
    expect(principles).toEqual([{ number: 1, shortName: { en: 'Protect' }, fullName: { en: 'Protect people.', fr: 'Protéger les personnes.' } }]);
    expect(issues[0]).toEqual({ source: 'p.yml', line: 3, severity: 'warning', code: 'call.source.missing-translation', message: 'principle 1 has no short.fr' });
    expect(issues.slice(1).map((i) => i.message)).toEqual(Array.from({ length: 8 }, (_, i) => `principle-${i + 2} is missing`));
  });

  it('rejects a file that is not a mapping', () => {
    expect(parsePrinciples('- a\n- b\n', 'p.yml').issues).toEqual([expect.objectContaining({ severity: 'error', code: 'call.source.invalid-yaml' })]);
  });
});

describe('cleanJekyllMarkdown', () => {
  it.each([
    ['drops a site-relative image', '![Logo](/assets/images/logo.png)\n\nText', 'Text'],
    ['keeps an absolute image', '![Chart](https://example.org/chart.png)', '![Chart](https://example.org/chart.png)'],
    ['drops an image whose address is built by Liquid', '![Logo]({{ "/assets/logo.png" | relative_url }})\nText', 'Text'],
    ['keeps the text of a site-relative link', 'See [our events](/en/events/ "Events").', 'See our events.'],
    ['keeps the text of a link built by Liquid', 'See [the page]({% link _pages/x.md %}).', 'See the page.'],
    ['keeps absolute, mail and in-page links', '[a](https://a.example) [b](mailto:b@example.org) [c](#top)', '[a](https://a.example) [b](mailto:b@example.org) [c](#top)'],
    ['drops a site-relative HTML image and unlinks an HTML link', '<img src="/assets/x.png" alt="x"> <a href="/fr/">accueil</a>', 'accueil'],
    ['drops Liquid comments and tags', '{% comment %}secret{% endcomment %}A{% if x %} B{% endif %}', 'A B'],
    ['keeps the text of a raw block literally', '{% raw %}Use {{ name }}{% endraw %}', 'Use {{ name }}'],
    ['drops kramdown attribute lists and comments', 'Title\n{: #id .class}\n\n{::comment}hidden{:/comment}Text{: .x}', 'Title\n\nText'],
    ['drops a front matter', '---\nlayout: page\n---\nBody', 'Body'],
    ['normalises line ends and blank runs', 'A\r\n\r\n\r\n\r\nB  \r\nC', 'A\n\nB  \nC'],
    ['keeps Markdown tables, lists and emphasis', '| a | b |\n|---|---|\n| 1 | 2 |\n\n- _x_\n- **y**', '| a | b |\n|---|---|\n| 1 | 2 |\n\n- _x_\n- **y**'],
  ])('%s', (_, input, expected) => {
    expect(cleanJekyllMarkdown(input).markdown).toBe(expected);
  });

  it('counts the Liquid outputs it removes', () => {
    expect(cleanJekyllMarkdown('{{ a }} and {{ b }}').liquidOutputs).toBe(2);
    expect(cleanJekyllMarkdown('{% raw %}{{ a }}{% endraw %}').liquidOutputs).toBe(0);
  });

  it.each([
    ['/assets/x.png', true],
    ['assets/x.png', true],
    ['../x', true],
    ['', true],
    ['https://example.org', false],
    ['//cdn.example.org/x.png', false],
    ['mailto:a@example.org', false],
    ['#anchor', false],
  ])('treats %j as site-relative: %s', (href, expected) => {
    expect(isSiteRelative(href)).toBe(expected);
  });
});

describe.skipIf(!real.available)(real.title('readCallContent on the real snapshot'), () => {
  it('reads 20 documents and 9 principles without an issue, dropping only the logos', async () => {
    const parsed = await readCallContent(realDir);
    expect(parsed.issues).toEqual([]);
    expect(parsed.documents).toHaveLength(20);
    expect(parsed.principles).toHaveLength(9);
    expect(parsed.principles.every((p) => p.shortName.en && p.shortName.fr && p.fullName.en && p.fullName.fr)).toBe(true);
    const en = documentText(parsed, 'call', 'en');
    expect(en.startsWith('Cyberspace now plays a crucial role')).toBe(true);
    expect(en.endsWith('Paris, 12th of November, 2018')).toBe(true);
    expect(parsed.documents.some((d) => d.markdown.includes('/assets/'))).toBe(false);
    const fr = documentText(parsed, 'call', 'fr');
    expect(fr).toBe(fr.normalize('NFC'));
    expect(fr).toContain('développement de la confiance');
  });
});
