import type { LedgerEvent } from '@plafond/core'
import { SIRETS } from '@plafond/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import type { OcdsRelease } from './ocds-document.js'
import { exportOcds } from './export-ocds.js'
import { partyId } from './ocds-parties.js'
import { expectGolden } from './test-support/golden-file.js'
import { validateOcdsPackage } from './test-support/open-data-validators.js'
import { smallLedgerEvents } from './test-support/small-ledger.js'

const PREFIX = 'ocds-a1b2c3-'
const FRAMEWORK_OCID = `${PREFIX}AC-DINUM-AGILE-2025-PRODUITS`
const SPORTS_OCID = `${PREFIX}MS-25-SPORTS-01`
const AUDIT_OCID = `${PREFIX}BC-25-COUR-DES-COMPTES-AUDIT-01`

let events: LedgerEvent[]
let releases: readonly OcdsRelease[]
beforeAll(async () => {
  events = await smallLedgerEvents()
  releases = exportOcds(events, { ocidPrefix: PREFIX }).document.releases
})

function of(ocid: string): OcdsRelease[] {
  return releases.filter((release) => release.ocid === ocid)
}

describe('exportOcds on the small ledger', () => {
  it('matches its golden file and the official OCDS 1.1.5 release package schema', () => {
    const { json, document } = exportOcds(events, { ocidPrefix: PREFIX })
    expectGolden(new URL('golden/ocds.json', import.meta.url), json)
    const verdict = validateOcdsPackage(document)
    expect(verdict.errors).toEqual([])
    expect(verdict.valid).toBe(true)
  })

  it('is refused by the validator once broken, so the check above can fail', () => {
    const { document } = exportOcds(events, { ocidPrefix: PREFIX })
    const broken = structuredClone(document) as unknown as { releases: { date: string }[] }
    broken.releases[0]!.date = 'the day it opened'
    expect(validateOcdsPackage(broken).valid).toBe(false)
  })

  it('declares the techniques extension and dates the package by its latest release', () => {
    const { document } = exportOcds(events, { ocidPrefix: PREFIX })
    expect(document.version).toBe('1.1')
    expect(document.extensions).toEqual([
      'https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json',
    ])
    const latest = [...document.releases.map((r) => r.date)].sort().at(-1)
    expect(document.publishedDate).toBe(latest)
    expect(document.publisher).toEqual({
      name: 'Direction interministérielle du numérique',
      scheme: 'FR-RCS',
      uid: SIRETS.buyer,
    })
    expect(new Set(document.releases.map((r) => r.id)).size).toBe(document.releases.length)
  })

  it('makes the framework one process: estimate, maximum, holders and named buyers', () => {
    const framework = of(FRAMEWORK_OCID)
    expect(framework.map((r) => r.tag)).toEqual([
      ['tender'],
      ['award'],
      ['award'],
      ['tenderUpdate'],
      ['tenderUpdate'],
      ['tenderUpdate'],
      ['award'],
      ['awardUpdate'],
      ['tenderUpdate'],
    ])
    const tender = framework[0]!.tender!
    expect(tender.techniques?.hasFrameworkAgreement).toBe(true)
    expect(tender.value).toEqual({ amount: 195_000_000, currency: 'EUR' })
    expect(tender.minValue).toEqual({ amount: 1_000_000, currency: 'EUR' })
    expect(tender.techniques?.frameworkAgreement?.value).toEqual({
      amount: 495_000_000,
      currency: 'EUR',
    })
    expect(tender.techniques?.frameworkAgreement?.maximumParticipants).toBe(3)
    expect(tender.contractPeriod).toEqual({
      startDate: '2025-10-01T00:00:00+02:00',
      endDate: '2029-09-30T23:59:59+02:00',
    })
    expect(framework.every((r) => r.buyer === undefined)).toBe(true)
    const succession = framework[7]!
    expect(succession.awards?.[0]?.amendments?.[0]).toMatchObject({
      date: '2026-03-01T00:00:00+01:00',
      amendsReleaseID: `${FRAMEWORK_OCID}-7`,
      releaseID: `${FRAMEWORK_OCID}-8`,
    })
    expect(succession.awards?.[1]?.suppliers).toEqual([
      { id: partyId(SIRETS.holder4), name: 'Quatre Fusion (fictif)' },
    ])
  })

  it('links each call-off to the framework by relatedProcesses', () => {
    for (const ocid of [SPORTS_OCID, AUDIT_OCID]) {
      expect(of(ocid)[0]!.relatedProcesses).toEqual([
        {
          id: '1',
          relationship: ['framework'],
          title: 'Réalisation de services numériques en mode produit agile piloté par l’impact',
          scheme: 'ocid',
          identifier: FRAMEWORK_OCID,
        },
      ])
    }
    expect(of(SPORTS_OCID)[0]!.tender?.competitive).toBe(true)
    expect(of(AUDIT_OCID)[0]!.tender?.competitive).toBe(false)
    expect(of(AUDIT_OCID)[0]!.tender?.procurementMethodRationale).toMatch(/^Audit d’accessibilité/)
  })

  it('publishes modifications as amendments, the contract value updated in place', () => {
    const sports = of(SPORTS_OCID)
    expect(sports.map((r) => r.tag)).toEqual([
      ['tender', 'award', 'contract'],
      ['implementation'],
      ['contractAmendment'],
      ['contractAmendment'],
    ])
    expect(sports[0]!.contracts?.[0]?.value).toEqual({ amount: 480_000, currency: 'EUR' })
    const [increase, decrease] = [sports[2]!.contracts![0]!, sports[3]!.contracts![0]!]
    expect(increase.value).toEqual({ amount: 576_000, currency: 'EUR' })
    expect(increase.amendments).toEqual([
      {
        id: 'AV-01',
        date: '2026-01-10T00:00:00+01:00',
        rationale:
          'Prestations supplémentaires devenues nécessaires : ouverture à un nouveau public.',
        description: 'R2194-2 : +96000.00 € HT, nouveau montant 576000.00 € HT.',
        amendsReleaseID: `${SPORTS_OCID}-2`,
        releaseID: `${SPORTS_OCID}-3`,
      },
    ])
    expect(decrease.value).toEqual({ amount: 574_499.75, currency: 'EUR' })
  })

  it('publishes payments as transactions from the beneficiary to the holder of the day', () => {
    const audit = of(AUDIT_OCID)
    expect(audit.map((r) => r.tag)).toEqual([
      ['tender', 'award', 'contract'],
      ['contractAmendment', 'awardUpdate'],
      ['implementation'],
      ['contractTermination'],
    ])
    expect(audit[2]!.contracts?.[0]?.implementation?.transactions).toEqual([
      {
        id: 'P-01',
        date: '2026-05-10T00:00:00+02:00',
        value: { amount: 45_000, currency: 'EUR' },
        payer: { id: partyId(SIRETS.beneficiaryC), name: 'Cour des comptes (fictif)' },
        payee: { id: partyId(SIRETS.holder4), name: 'Quatre Fusion (fictif)' },
      },
    ])
    expect(audit[3]!.contracts?.[0]).toEqual({
      id: 'BC-25-COUR-DES-COMPTES-AUDIT-01',
      awardID: 'BC-25-COUR-DES-COMPTES-AUDIT-01',
      status: 'terminated',
      period: { endDate: '2026-05-15T23:59:59+02:00' },
    })
  })

  it('gives parties their SIRET under FR-RCS and every role they play in the process', () => {
    const parties = of(AUDIT_OCID).flatMap((r) => r.parties ?? [])
    const roles = new Map(parties.map((p) => [p.identifier.id, p.roles]))
    expect(roles.get(SIRETS.beneficiaryC)).toEqual(['buyer', 'procuringEntity', 'payer'])
    expect(roles.get(SIRETS.holder2)).toEqual(['supplier'])
    expect(roles.get(SIRETS.holder4)).toEqual(['supplier', 'payee'])
    for (const party of releases.flatMap((r) => r.parties ?? [])) {
      expect(party.id).toBe(`FR-RCS-${party.identifier.id}`)
      expect(party.identifier.scheme).toBe('FR-RCS')
    }
    const framework = new Map(
      of(FRAMEWORK_OCID)
        .flatMap((r) => r.parties ?? [])
        .map((p) => [p.identifier.id, p.roles]),
    )
    expect(framework.get(SIRETS.buyer)).toEqual(['buyer', 'procuringEntity'])
    expect(framework.get(SIRETS.beneficiaryB)).toEqual(['buyer'])
    expect(framework.get(SIRETS.holder1)).toEqual(['supplier'])
  })

  it('dates releases by recordedAt and never reads a clock', () => {
    const recorded = new Set(events.map((event) => event.meta.recordedAt))
    for (const release of releases) expect(recorded.has(release.date)).toBe(true)
    expect(exportOcds(events, { ocidPrefix: PREFIX }).json).toBe(
      exportOcds(events, { ocidPrefix: PREFIX }).json,
    )
  })

  it('refuses an ocid prefix that is not one the Open Contracting Partnership registers', () => {
    expect(() => exportOcds(events, { ocidPrefix: 'ocds-a1b2c3' })).toThrow(/ocidPrefix/)
    expect(() => exportOcds(events, { ocidPrefix: 'OCDS-A1B2C3-' })).toThrow(/ocidPrefix/)
  })
})
