import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedDir } from '../../../../test/helpers/shared-data.js';
import { NormsSourceError, normsFiles, readNorms, readNormsFromShared } from './norms.source.js';

const english = needsShared('the UN norms file', path.join(sharedDir, normsFiles.english));

describe.skipIf(!english.available)(english.title('the norms of A/70/174 and the G7 synthesis'), () => {
  it('reads the eleven norms in order, English verbatim and the G7 French marked as the G7\'s', async () => {
    const { norms } = await readNormsFromShared(sharedDir);
    expect(norms.map((n) => n.paragraph)).toEqual(['13(a)', '13(b)', '13(c)', '13(d)', '13(e)', '13(f)', '13(g)', '13(h)', '13(i)', '13(j)', '13(k)']);
    const i = norms.find((n) => n.code === '13i')!;
    expect(i.text.en).toMatch(/^States should take reasonable steps to ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products\./);
    expect(i.text.fr).toMatch(/^Les États doivent prendre des mesures raisonnables pour garantir l'intégrité de la chaîne d'approvisionnement/);
    expect(i).toMatchObject({ position: 9, frWording: 'g7', sources: { en: 'UN A/70/174 (22 July 2015), para. 13(i)', fr: expect.stringMatching(/norme 9 : formulation du G7, et non texte français de l’ONU$/) } });
    expect(norms.find((n) => n.code === '13j')!.text.en).toBe(
      'States should encourage responsible reporting of ICT vulnerabilities and share associated information on available remedies to such vulnerabilities to limit and possibly eliminate potential threats to ICTs and ICT-dependent infrastructure.',
    );
  });
});

describe('norms files the project writes itself', () => {
  const section = (letter: string) => `## 13(${letter})\nStates should do ${letter}.\n\nFR: not found.\n`;
  const all = [...'abcdefghijk'].map(section).join('\n');
  const g7 = Array.from({ length: 11 }, (_, i) => `**Norme ${i + 1} - Les États doivent faire ${i + 1}.**`).join('\n\n');

  it('pairs 13(a)–(k) with Norme 1–11, and keeps English alone when there is no French', () => {
    const norms = readNorms({ text: all, file: 'norms.md' }, { text: g7, file: 'g7.txt' });
    expect(norms[10]).toMatchObject({ code: '13k', text: { en: 'States should do k.', fr: 'Les États doivent faire 11.' }, frWording: 'g7' });
    const alone = readNorms({ text: all, file: 'norms.md' }, null);
    expect(alone[0]).toEqual({ code: '13a', paragraph: '13(a)', position: 1, text: { en: 'States should do a.' }, sources: { en: 'UN A/70/174 (22 July 2015), para. 13(a)' }, frWording: null });
  });

  it('names the file and line of what does not fit', () => {
    const broken = all.replace('States should do c.', 'see below');
    expect(() => readNorms({ text: broken, file: 'norms.md' }, null)).toThrow(NormsSourceError);
    expect(() => readNorms({ text: broken, file: 'norms.md' }, null)).toThrow(/^norms\.md:\d+: 13\(c\) is not followed/);
    expect(() => readNorms({ text: all.replace('## 13(k)', '## 13(z)'), file: 'norms.md' }, null)).toThrow('norms.md: no section for 13(k)');
    expect(() => readNorms({ text: all, file: 'norms.md' }, { text: g7.replace('Norme 7 -', 'Norme 6 -'), file: 'g7.txt' })).toThrow(/g7\.txt:\d+: Norme 6 appears twice/);
  });
});
