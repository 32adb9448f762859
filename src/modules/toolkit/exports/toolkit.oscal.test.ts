import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { toolkitReference } from '../toolkit.reference.js';
import { uuidV5 } from './toolkit.oscal.common.js';

/** The JSON Schemas written from the OSCAL 1.2.0 metaschemas (NIST's released JSON schemas cannot be fetched here). */
const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
// ajv-formats is CommonJS: its plugin is the module's `default` under NodeNext's typing (and at run time too).
formats.default(ajv);
for (const name of ['oscal-common', 'oscal-catalog', 'oscal-mapping']) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')));
const validator = (name: string) => ajv.getSchema(`https://pariscall.international/schemas/${name}.schema.json`) as ValidateFunction;

function expectValid(validate: ValidateFunction, document: unknown): void {
  const valid = validate(document);
  expect(valid ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n').slice(0, 10)).toEqual([]);
}

describe('the OSCAL exports of the toolkit', () => {
  let t: TestApp;
  const documents = new Map<string, Record<string, any>>();
  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
    for (const locale of ['en', 'fr']) {
      for (const file of ['catalog', 'provisions', 'mapping']) {
        const response = await t.app.inject({ method: 'GET', url: `/${locale}/toolkit/export/oscal/${file}.json` });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(response.headers['content-disposition']).toBe(`attachment; filename="wg6-2021-oscal-${file}.json"`);
        documents.set(`${locale}/${file}`, response.json());
      }
    }
  });
  afterAll(async () => t?.close());

  it.each(['en', 'fr'])('validates every export against its schema (%s)', (locale) => {
    expectValid(validator('oscal-catalog'), documents.get(`${locale}/catalog`));
    expectValid(validator('oscal-catalog'), documents.get(`${locale}/provisions`));
    expectValid(validator('oscal-mapping'), documents.get(`${locale}/mapping`));
  });

  it('the schemas refuse what OSCAL refuses', () => {
    const catalog = structuredClone(documents.get('en/catalog')!);
    catalog.catalog.uuid = 'not-a-uuid';
    catalog.catalog.groups[0].controls[0].id = '4 a';
    delete catalog.catalog.metadata['oscal-version'];
    expect(validator('oscal-catalog')(catalog)).toBe(false);
    expect(validator('oscal-catalog').errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/catalog/uuid', '/catalog/metadata', '/catalog/groups/0/controls/0/id']),
    );
    const mapping = structuredClone(documents.get('en/mapping')!);
    mapping['mapping-collection'].mappings[0].maps[0].relationship = 'addresses';
    mapping['mapping-collection'].provenance.method = 'guess';
    mapping['mapping-collection'].mappings[1].maps = [];
    expect(validator('oscal-mapping')(mapping)).toBe(false);
    expect(validator('oscal-mapping').errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/mapping-collection/provenance/method', '/mapping-collection/mappings/0/maps/0/relationship', '/mapping-collection/mappings/1/maps']),
    );
  });

  it('catalogs the 25 actions under the six OECD principles, with links back to the platform', () => {
    const { catalog } = documents.get('en/catalog')!;
    expect(catalog.groups.map((g: { id: string }) => g.id)).toEqual(['transparency', 'awareness', 'responsibility', 'cooperation', 'innovation', 'proportionality']);
    expect(catalog.groups.map((g: { controls: unknown[] }) => g.controls.length)).toEqual([6, 5, 5, 4, 3, 2]);
    const a17 = catalog.groups[3].controls[0];
    expect(a17).toMatchObject({ id: 'a17', title: expect.stringMatching(/^Increasing co-operation amongst code owners/) });
    expect(a17.props).toContainEqual({ name: 'label', value: 'A17' });
    expect(a17.links[0].href).toBe(`${t.config.publicUrl}/api/v1/toolkit/actions/A17`);
    expect(documents.get('fr/catalog')!.catalog.groups[3].title).toBe('Coopération et gouvernance');
  });

  it('catalogs the quoted provisions by framework: 264 cells quoted for 271 pairs, the locator as a property', () => {
    const { catalog } = documents.get('en/provisions')!;
    expect(catalog.groups).toHaveLength(35);
    const controls = catalog.groups.flatMap((g: { controls?: unknown[] }) => g.controls ?? []);
    expect(controls).toHaveLength(264);
    expect(controls.flatMap((c: { props: Array<{ name: string }> }) => c.props.filter((p) => p.name === 'action'))).toHaveLength(271);
    const enisa = controls.find((c: { id: string }) => c.id === 'pp-9-h9');
    expect(enisa.title).toBe('Documentation transparency');
    expect(enisa.props).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'locator', value: 'Documentation transparency' }), expect.objectContaining({ name: 'merged-range', value: 'H9:I9' })]));
    expect(enisa.links.map((l: { href: string }) => l.href)).toEqual([`${t.config.publicUrl}/en/toolkit/cells/pp-9/a3`, `${t.config.publicUrl}/en/toolkit/cells/pp-9/a4`]);
    expect(catalog.groups.find((g: { id: string }) => g.id === 'pp-5').links[0]).toMatchObject({ rel: 'reference' });
  });

  it('maps each framework’s provisions to the actions, with the reviewed gaps in the target gap summary', () => {
    const collection = documents.get('en/mapping')!['mapping-collection'];
    expect(collection.provenance).toMatchObject({ method: 'human', 'matching-rationale': 'semantic', status: 'complete' });
    expect(collection.mappings).toHaveLength(35);
    expect(collection.mappings.flatMap((m: { maps: unknown[] }) => m.maps)).toHaveLength(271);
    const gaps = collection.mappings.flatMap((m: { 'target-gap-summary'?: { 'unmapped-controls': Array<{ 'with-ids': string[] }> } }) => m['target-gap-summary']?.['unmapped-controls'][0]!['with-ids'] ?? []);
    expect(gaps).toHaveLength(875 - 271);
    const csa = collection.mappings.find((m: { 'source-resource': { props: Array<{ value: string }> } }) => m['source-resource'].props[0]!.value === 'pp-5');
    expect(csa.maps).toHaveLength(13);
    expect(csa['target-gap-summary']['unmapped-controls'][0]['with-ids']).toHaveLength(12);
    // Every reference resolves: sources in the provisions catalog, targets in the actions catalog.
    const provisionIds = new Set(documents.get('en/provisions')!.catalog.groups.flatMap((g: { controls?: Array<{ id: string }> }) => (g.controls ?? []).map((c) => c.id)));
    const actionIds = new Set(documents.get('en/catalog')!.catalog.groups.flatMap((g: { controls: Array<{ id: string }> }) => g.controls.map((c) => c.id)));
    for (const map of collection.mappings.flatMap((m: { maps: Array<{ sources: Array<{ 'id-ref': string }>; targets: Array<{ 'id-ref': string }> }> }) => m.maps)) {
      expect(provisionIds.has(map.sources[0]!['id-ref'])).toBe(true);
      expect(actionIds.has(map.targets[0]!['id-ref'])).toBe(true);
    }
    expect(gaps.every((id: string) => actionIds.has(id))).toBe(true);
  });

  it('gives a subject the same UUID in every language and every export, and each document its own', () => {
    const en = documents.get('en/mapping')!['mapping-collection'];
    const fr = documents.get('fr/mapping')!['mapping-collection'];
    expect(fr.mappings.map((m: { uuid: string }) => m.uuid)).toEqual(en.mappings.map((m: { uuid: string }) => m.uuid));
    expect(fr.uuid).not.toBe(en.uuid);
    const uuids = [...documents.values()].map((d) => (d.catalog ?? d['mapping-collection']).uuid);
    expect(new Set(uuids).size).toBe(6);
    // RFC 4122 version 5, as the Python and Java libraries compute it.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});
