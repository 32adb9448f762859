/**
 * The JSON Schema (draft 2020-12) of the self-assessment export, written for other tools; the tests validate every
 * export against it with ajv. The `assessment` part mirrors assessment.schemas.ts (the zod schema that reads it back).
 */
export const assessmentJsonSchemaId = 'urn:pariscall:toolkit:self-assessment:1';

const level = { oneOf: [{ type: 'integer', minimum: 0, maximum: 5 }, { const: 'n/a' }] };
const code = { type: 'string', pattern: '^A([1-9]|1[0-9]|2[0-5])$' };
const codes = { type: 'array', items: code };
const principle = { enum: ['transparency', 'awareness', 'responsibility', 'cooperation', 'innovation', 'proportionality'] };

const version = {
  type: 'object',
  additionalProperties: false,
  required: ['assessedAt', 'context', 'answers'],
  properties: {
    assessedAt: { type: 'string', format: 'date-time' },
    context: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'organisationKind', 'customer', 'developer', 'size', 'jurisdictions', 'frameworksApplied'],
      properties: {
        label: { type: 'string', maxLength: 120 },
        organisationKind: { enum: ['public-sector', 'international-organization', 'private-organization'] },
        customer: { type: 'boolean' },
        developer: { type: 'boolean' },
        size: { enum: ['micro', 'small', 'medium', 'large'] },
        jurisdictions: { type: 'array', maxItems: 30, items: { type: 'string', pattern: '^([A-Z]{3}|EU)$' } },
        frameworksApplied: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' } },
      },
    },
    answers: {
      type: 'object',
      propertyNames: code,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['level', 'justification', 'evidence'],
        properties: {
          level,
          justification: { type: ['string', 'null'], maxLength: 1000 },
          evidence: { type: 'array', maxItems: 5, items: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 500 } },
        },
        if: { properties: { level: { const: 'n/a' } } },
        then: { properties: { justification: { type: 'string', minLength: 1 } } },
      },
    },
  },
};

const recommendation = {
  type: 'object',
  required: ['framework', 'name', 'score', 'recipient', 'applied', 'otherGaps', 'locator'],
  properties: {
    framework: { type: 'string' },
    name: { type: 'string' },
    score: { type: 'integer', minimum: 0 },
    recipient: { type: 'boolean' },
    applied: { type: 'boolean' },
    otherGaps: codes,
    locator: { type: ['string', 'null'] },
  },
};

export const assessmentJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: assessmentJsonSchemaId,
  title: 'Paris Call WG6 ICT supply-chain self-assessment and gap report',
  type: 'object',
  required: ['$schema', 'assessment', 'report'],
  properties: {
    $schema: { const: assessmentJsonSchemaId },
    assessment: {
      type: 'object',
      additionalProperties: false,
      required: ['format', 'formatVersion', 'dataset', 'current', 'previous'],
      properties: {
        format: { const: 'pariscall-wg6-self-assessment' },
        formatVersion: { const: 1 },
        dataset: { type: 'string', minLength: 1 },
        current: version,
        previous: { type: 'array', maxItems: 10, items: version },
      },
    },
    report: {
      type: 'object',
      required: ['dataset', 'target', 'weights', 'actions', 'principles', 'gaps', 'cover', 'difference'],
      properties: {
        dataset: { type: 'string' },
        target: { type: 'integer', minimum: 0, maximum: 5 },
        weights: { type: 'object', required: ['recipient', 'applied', 'otherGap', 'locator'], additionalProperties: { type: 'number' } },
        actions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'principle', 'applicable', 'reasons', 'level', 'distance', 'priority'],
            properties: {
              code,
              principle,
              applicable: { type: 'boolean' },
              reasons: { type: 'array', items: { type: 'object', required: ['stakeholder', 'condition', 'source'] } },
              level: { oneOf: [level, { type: 'null' }] },
              distance: { type: 'integer', minimum: 0, maximum: 5 },
              priority: { type: 'integer', minimum: 0 },
            },
          },
        },
        principles: {
          type: 'array',
          items: {
            type: 'object',
            required: ['principle', 'applicable', 'notApplicable', 'gaps', 'mean'],
            properties: { principle, applicable: { type: 'integer' }, notApplicable: { type: 'integer' }, gaps: { type: 'integer' }, mean: { type: ['number', 'null'] } },
          },
        },
        gaps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'distance', 'priority', 'appliedAddressing', 'recommendations'],
            properties: { code, distance: { type: 'integer', minimum: 1 }, priority: { type: 'integer', minimum: 1 }, appliedAddressing: { type: 'array', items: { type: 'string' } }, recommendations: { type: 'array', items: recommendation } },
          },
        },
        cover: {
          type: 'object',
          required: ['frameworks', 'uncovered', 'witness', 'explored', 'tieBreak'],
          properties: {
            frameworks: {
              type: 'array',
              items: { type: 'object', required: ['framework', 'name', 'covers', 'only'], properties: { framework: { type: 'string' }, name: { type: 'string' }, covers: codes, only: codes } },
            },
            uncovered: codes,
            witness: codes,
            explored: { type: 'integer', minimum: 0 },
            tieBreak: { type: 'array', items: { enum: ['applied', 'recipient', 'workbook-order'] } },
          },
        },
        difference: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              required: ['previousAt', 'changes', 'closed', 'opened'],
              properties: {
                previousAt: { type: 'string', format: 'date-time' },
                changes: { type: 'array', items: { type: 'object', required: ['code', 'before', 'after'], properties: { code, before: { oneOf: [level, { type: 'null' }] }, after: { oneOf: [level, { type: 'null' }] } } } },
                closed: codes,
                opened: codes,
              },
            },
          ],
        },
      },
    },
  },
} as const;
