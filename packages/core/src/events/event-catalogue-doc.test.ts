import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { BusinessDateSchema } from '../calendar/business-date.js'
import { Id } from '../identifiers/id.js'
import { Cpv, Siret } from '../identifiers/siret.js'
import { Money, PositiveMoney, SignedMoney } from '../money/money.js'
import { EVENT_CATALOGUE, EVENT_TYPES } from './event-catalogue.js'

// docs/events.md is generated from the zod schemas: this test fails when they drift apart.
// Regenerate with PLAFOND_UPDATE_DOCS=1.
const doc = new URL('../../../../docs/events.md', import.meta.url)

const NAMED: readonly (readonly [z.ZodType, string])[] = [
  [Money, 'amount'],
  [PositiveMoney, 'amount > 0'],
  [SignedMoney, 'signed amount'],
  [BusinessDateSchema, 'date'],
  [Siret, 'SIRET'],
  [Id, 'id'],
  [Cpv, 'CPV'],
]

function describeType(schema: z.ZodType): string {
  const named = NAMED.find(([known]) => known === schema)
  if (named) return named[1]
  if (schema instanceof z.ZodOptional) return describeType(schema.unwrap() as z.ZodType)
  if (schema instanceof z.ZodEnum)
    return schema.options.map((o) => `\`${String(o)}\``).join(' \\| ')
  if (schema instanceof z.ZodLiteral)
    return [...schema.values].map((v) => `\`${String(v)}\``).join(' \\| ')
  if (schema instanceof z.ZodArray) return `list of ${describeType(schema.element as z.ZodType)}`
  if (schema instanceof z.ZodUnion)
    return schema.options.map((o) => describeType(o as z.ZodType)).join(' or ')
  if (schema instanceof z.ZodObject) {
    const shape: Readonly<Record<string, z.ZodType>> = schema.shape
    const fields = Object.entries(shape)
    return `{ ${fields.map(([k, v]) => `${k}${v instanceof z.ZodOptional ? '?' : ''}: ${describeType(v)}`).join(', ')} }`
  }
  if (schema instanceof z.ZodReadonly) return describeType(schema.unwrap() as z.ZodType)
  return schema.def.type === 'number' ? 'integer' : schema.def.type
}

function renderCatalogue(): string {
  const lines = [
    '# Events',
    '',
    '<!-- Generated from the zod schemas by packages/core/src/events/event-catalogue-doc.test.ts;',
    '     run the core tests with PLAFOND_UPDATE_DOCS=1 after changing a schema. -->',
    '',
    'Every event is stored in an envelope (`id`, `stream`, `version`, `position`, `type`,',
    '`schemaVersion`, `data`, `meta`, `prevHash`, `hash`; see [architecture](architecture.md)).',
    'This catalogue lists the `data` of each type, the stream it is written to, its current schema',
    'version and the field its business date (`meta.effectiveOn`) comes from. Amounts are decimal',
    'strings with two decimals, in euros HT except three: `InvoiceRecorded.vat` is the VAT itself,',
    '`LatePaymentInterestDue.base` includes VAT (interest runs on what the holder was owed), and',
    'its `annualRate` is a percentage per year. Dates are `YYYY-MM-DD`.',
    '',
    '| type | stream | schema version |',
    '| --- | --- | --- |',
    ...EVENT_TYPES.map((type) => {
      const entry = EVENT_CATALOGUE[type]
      return `| [\`${type}\`](#${type.toLowerCase()}) | \`${entry.stream}\` | ${entry.schemaVersion} |`
    }),
  ]
  for (const type of EVENT_TYPES) {
    const entry = EVENT_CATALOGUE[type]
    const shape = (entry.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>
    const probe = Object.fromEntries(Object.keys(shape).map((key) => [key, key]))
    const dateField = (entry.effectiveOn as (data: unknown) => string)(probe)
    lines.push(
      '',
      `## ${type}`,
      '',
      `Stream \`${entry.stream}-…\`, schema version ${entry.schemaVersion}, business date from \`${dateField}\`.`,
      '',
      '| field | type | required |',
      '| --- | --- | --- |',
      ...Object.entries(shape).map(
        ([field, schema]) =>
          `| \`${field}\` | ${describeType(schema)} | ${schema instanceof z.ZodOptional ? 'no' : 'yes'} |`,
      ),
    )
  }
  return `${lines.join('\n')}\n`
}

describe('docs/events.md', () => {
  it('is the catalogue generated from the event schemas', () => {
    const rendered = renderCatalogue()
    if (process.env.PLAFOND_UPDATE_DOCS === '1') writeFileSync(doc, rendered)
    expect(readFileSync(doc, 'utf8')).toBe(rendered)
  })
})
