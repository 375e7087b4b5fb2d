import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.js'
import { EVENT_CATALOGUE, EVENT_TYPES, type DomainEvent } from './event-catalogue.js'
import { decodeEvent, encodeEvent } from './event-codec.js'
import { EVENT_SAMPLES } from './event-samples.test-data.js'
import type { RecordedEvent } from './envelope.js'

// Golden files pin the serialized form of every event type: changing a schema in a way that
// changes what is stored fails here. Bump the type's schemaVersion, add an upcaster, then
// regenerate with PLAFOND_UPDATE_GOLDEN=1.
const golden = new URL('./golden/', import.meta.url)
const update = process.env.PLAFOND_UPDATE_GOLDEN === '1'

function stored(type: string, schemaVersion: number, data: unknown): RecordedEvent {
  return {
    id: '01JZ0000000000000000000000',
    stream: 'golden',
    version: 1,
    position: '1',
    type,
    schemaVersion,
    data,
    meta: {
      commandId: 'golden',
      actorId: 'golden',
      recordedAt: '2026-01-01T00:00:00.000Z',
      effectiveOn: '2026-01-01',
    },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  }
}

describe('event golden files', () => {
  it.each(EVENT_TYPES)('%s serializes exactly as its golden file', (type) => {
    const event = { type, data: EVENT_SAMPLES[type] } as DomainEvent
    const encoded = encodeEvent(event)
    const text = `${canonicalJson(encoded)}\n`
    const file = new URL(`${type}.v${EVENT_CATALOGUE[type].schemaVersion}.json`, golden)
    if (update || !existsSync(file)) {
      expect(
        update,
        `No golden file for ${type}; run with PLAFOND_UPDATE_GOLDEN=1 to create it.`,
      ).toBe(true)
      mkdirSync(golden, { recursive: true })
      writeFileSync(file, text)
    }
    expect(text).toBe(readFileSync(file, 'utf8'))
  })

  it.each(EVENT_TYPES)('%s reads back from its golden file unchanged', (type) => {
    const file = new URL(`${type}.v${EVENT_CATALOGUE[type].schemaVersion}.json`, golden)
    const { schemaVersion, data } = JSON.parse(readFileSync(file, 'utf8')) as {
      schemaVersion: number
      data: unknown
    }
    expect(decodeEvent(stored(type, schemaVersion, data)).data).toEqual(EVENT_SAMPLES[type])
  })

  it('upcasts ServiceCertified v1 (periodStart/periodEnd) to v2 (period)', () => {
    const v1 = JSON.parse(readFileSync(new URL('ServiceCertified.v1.json', golden), 'utf8')) as {
      schemaVersion: number
      data: unknown
    }
    expect(v1.schemaVersion).toBe(1)
    const decoded = decodeEvent(stored('ServiceCertified', 1, v1.data))
    expect(decoded.schemaVersion).toBe(2)
    expect(decoded.data).toEqual(EVENT_SAMPLES.ServiceCertified)
  })

  it('upcasts a v1 ServiceCertified without a period to v2 without one', () => {
    const data = {
      contractId: 'MS-1',
      serviceId: 'SF-2',
      amount: '10.00',
      certifiedOn: '2025-12-01',
    }
    expect(decodeEvent(stored('ServiceCertified', 1, data)).data).toEqual(data)
  })

  it('refuses an event from a newer schema version than it knows', () => {
    expect(() =>
      decodeEvent(stored('ServiceCertified', 3, EVENT_SAMPLES.ServiceCertified)),
    ).toThrow(/newer than this Plafond knows/)
  })
})
