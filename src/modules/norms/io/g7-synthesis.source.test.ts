import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedDir } from '../../../../test/helpers/shared-data.js';
import { readG7Synthesis } from './g7-synthesis.source.js';
import { NormsSourceError } from './norms.source.js';

/** A synthesis with the seed's layout, eleven norms long: what each section holds is given per norm. */
function synthesis(bodies: Record<number, string>): string {
  const sections = Array.from({ length: 11 }, (_, i) => `**Norme ${i + 1} - Texte de la norme ${i + 1}.**\n\n${bodies[i + 1] ?? `Un paragraphe pour la norme ${i + 1}.`}\n`);
  return ['', '26/08/2019', '', '## **Titre**', '', '### **Sous-titre**', '', 'Le préambule.', '', ...sections].join('\n');
}

describe('reading the G7 synthesis', () => {
  it('joins a bullet cut by a page break, keeps the lead-in apart and takes a paragraph after the list as a measure', () => {
    const doc = readG7Synthesis(
      synthesis({ 3: '**Pour ce faire, les pays du G7 :**\n\n- ont fait une chose ;\n- ont renforcé la coopération, en ce qui concerne\n\n\n\nnotamment la notification ;\n\n- ont fini.\n\nCertains pays ont fait autre chose.' }),
      'seed.txt',
    );
    const norm3 = doc.sections[2]!;
    expect(norm3.intro).toBe('Pour ce faire, les pays du G7 :');
    expect(norm3.measures.map((m) => [m.locator, m.text])).toEqual([
      ['Norme 3, bullet 1', 'ont fait une chose ;'],
      ['Norme 3, bullet 2', 'ont renforcé la coopération, en ce qui concerne notamment la notification ;'],
      ['Norme 3, bullet 3', 'ont fini.'],
      ['Norme 3, paragraph 1 after the list', 'Certains pays ont fait autre chose.'],
    ]);
    expect(doc).toMatchObject({ date: '2019-08-26', title: 'Titre', subtitle: 'Sous-titre', preamble: 'Le préambule.' });
  });

  it('takes the whole paragraph of a section without a list as its one measure, bold marks and the end mark "/." removed', () => {
    const doc = readG7Synthesis(synthesis({ 11: '**Les pays du G7 ont réaffirmé** leur soutien à la norme./.**' }), 'seed.txt');
    expect(doc.sections[10]).toMatchObject({ intro: null, measures: [{ locator: 'Norme 11, paragraph 1', text: 'Les pays du G7 ont réaffirmé leur soutien à la norme.', place: 'paragraph' }] });
  });

  it('refuses a synthesis with a norm missing or a section left empty, naming where', () => {
    expect(() => readG7Synthesis(synthesis({}).replace('**Norme 7 - Texte de la norme 7.**', ''), 'seed.txt')).toThrow(/the norms' headings are 1, 2, 3, 4, 5, 6, 8/);
    const empty = synthesis({ 5: '' });
    expect(() => readG7Synthesis(empty, 'seed.txt')).toThrow(NormsSourceError);
    expect(() => readG7Synthesis(empty, 'seed.txt')).toThrow(/^seed\.txt:\d+: Norme 5: no measure after the heading/);
  });

  const seeds = needsShared('the G7 synthesis', path.join(sharedDir, 'seeds'));
  it.skipIf(!seeds.available)(seeds.title('finds in the real synthesis 11 sections and 28 measures, norms 6, 8, 10 and 11 one paragraph each'), () => {
    const name = fs.readdirSync(seeds.path).find((n) => n.startsWith('004_'))!;
    const doc = readG7Synthesis(fs.readFileSync(path.join(seeds.path, name), 'utf8'), name);
    expect(doc.sections.map((s) => s.measures.length)).toEqual([4, 4, 4, 4, 2, 1, 3, 1, 3, 1, 1]);
    expect(doc.sections.filter((s) => s.intro === null).map((s) => s.norm)).toEqual([6, 8, 10, 11]);
    expect(doc.sections[2]!.measures[1]!.text).toContain("en ce qui concerne notamment la notification des incidents et la sécurité des appareils utilisant l'internet des objets");
    expect(doc.sections[2]!.measures[3]!.text).toMatch(/^Certains pays du G7 ont pris des mesures pour encourager une notification responsable/);
    expect(doc.sections[10]!.measures[0]!.text).toMatch(/activités internationales malveillantes\.$/);
    expect(doc.sections[0]!.heading).toMatch(/^Conformément aux objectifs des Nations Unies/);
  });
});
