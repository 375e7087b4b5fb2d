import { readFileSync } from 'node:fs'
import { createLedger, type LedgerEvent } from '@plafond/core'
import { buyerOf, SIRETS } from '@plafond/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DecpMarche } from './decp-document.js'
import { exportDecp } from './export-decp.js'
import { expectGolden } from './test-support/golden-file.js'
import { SCHEMAS_DIRECTORY, validateDecp } from './test-support/open-data-validators.js'
import {
  executeLines,
  readEvents,
  SMALL_LEDGER,
  smallLedgerEvents,
  steppingClock,
  type FixtureLine,
} from './test-support/small-ledger.js'

let events: LedgerEvent[]
beforeAll(async () => {
  events = await smallLedgerEvents()
})

function marche(document: { marches: { marche: readonly DecpMarche[] } }, id: string): DecpMarche {
  const found = document.marches.marche.find((m) => m.id === id)
  if (!found) throw new Error(`No marche ${id}`)
  return found
}

describe('the validator', () => {
  it('accepts the official example and refuses a broken document', () => {
    const example: unknown = JSON.parse(
      readFileSync(
        new URL('decp-example-marches-avec-modifications.json', SCHEMAS_DIRECTORY),
        'utf8',
      ),
    )
    expect(validateDecp(example).valid).toBe(true)
    const { document } = exportDecp(events, { publishedOn: '2026-07-01' })
    const broken = structuredClone(document) as unknown as {
      marches: { marche: { montant: unknown }[] }
    }
    broken.marches.marche[0]!.montant = '495000000'
    expect(validateDecp(broken).valid).toBe(false)
  })
})

describe('exportDecp on the small ledger', () => {
  it('matches its golden file and the official DECP 2.0.3 schema', () => {
    const { json, document } = exportDecp(events, { publishedOn: '2026-07-01' })
    expectGolden(new URL('golden/decp.json', import.meta.url), json)
    const verdict = validateDecp(document)
    expect(verdict.errors).toEqual([])
    expect(verdict.valid).toBe(true)
  })

  it('publishes the framework as an Accord-cadre with its holders and its maximum', () => {
    const { document, ids } = exportDecp(events, { publishedOn: '2026-07-01' })
    const frameworkId = ids.find((m) => m.kind === 'framework')!.decpId
    const framework = marche(document, frameworkId)
    expect(framework.techniques.technique).toEqual(['Accord-cadre'])
    expect(framework.modalitesExecution.modaliteExecution).toEqual([
      'Marchés subséquents',
      'Bons de commande',
    ])
    expect(framework.acheteur.id).toBe(SIRETS.buyer)
    expect(framework.montant).toBe(495_000_000)
    expect(framework.codeCPV).toBe('72000000')
    expect(framework.dureeMois).toBe(48)
    expect(framework.titulaires).toEqual([
      { titulaire: { id: SIRETS.holder1, typeIdentifiant: 'SIRET' } },
      { titulaire: { id: SIRETS.holder2, typeIdentifiant: 'SIRET' } },
    ])
    // The holder who joined later, then the succession (R2194-6), as new lists of holders.
    expect(framework.modifications?.map((m) => m.modification)).toEqual([
      expect.objectContaining({
        id: 1,
        dateNotificationModification: '2025-11-15',
        titulaires: [SIRETS.holder1, SIRETS.holder2, SIRETS.holder3].map((id) => ({
          titulaire: { id, typeIdentifiant: 'SIRET' },
        })),
      }),
      expect.objectContaining({
        id: 2,
        dateNotificationModification: '2026-03-01',
        titulaires: [SIRETS.holder1, SIRETS.holder3, SIRETS.holder4].map((id) => ({
          titulaire: { id, typeIdentifiant: 'SIRET' },
        })),
      }),
    ])
  })

  it('maps ids longer than 16 characters and links every call-off to its framework', () => {
    const { document, ids } = exportDecp(events, { publishedOn: '2026-07-01' })
    expect(ids).toEqual([
      { kind: 'framework', ledgerId: 'AC-DINUM-AGILE-2025-PRODUITS', decpId: 'AC-DINU~a9d48772' },
      { kind: 'call-off', ledgerId: 'MS-25-SPORTS-01', decpId: 'MS-25-SPORTS-01' },
      {
        kind: 'call-off',
        ledgerId: 'BC-25-COUR-DES-COMPTES-AUDIT-01',
        decpId: 'BC-25-C~a8c665ab',
      },
    ])
    const [, ...callOffs] = document.marches.marche
    expect(callOffs.map((m) => m.idAccordCadre)).toEqual(['AC-DINU~a9d48772', 'AC-DINU~a9d48772'])
    expect(callOffs.map((m) => m.acheteur.id)).toEqual([SIRETS.beneficiaryB, SIRETS.beneficiaryC])
    for (const m of document.marches.marche) expect(m.id.length).toBeLessThanOrEqual(16)
  })

  it('publishes modifications as new totals with ids increasing in notification order', () => {
    const { document, json } = exportDecp(events, { publishedOn: '2026-07-01' })
    const sports = marche(document, 'MS-25-SPORTS-01')
    expect(sports.montant).toBe(480_000)
    expect(sports.dureeMois).toBe(6)
    expect(sports.offresRecues).toBe(2)
    expect(sports.modalitesExecution.modaliteExecution).toEqual(['Bons de commande'])
    expect(sports.modifications?.map((m) => m.modification)).toEqual([
      {
        id: 1,
        dateNotificationModification: '2026-01-10',
        datePublicationDonneesModification: '2026-07-01',
        montant: 576_000,
      },
      {
        id: 2,
        dateNotificationModification: '2026-02-01',
        datePublicationDonneesModification: '2026-07-01',
        montant: 574_499.75,
      },
    ])
    expect(json).toContain('"montant": 574499.75')
    const audit = marche(document, 'BC-25-C~a8c665ab')
    expect(audit.offresRecues).toBe(1)
    expect(audit.titulaires).toEqual([
      { titulaire: { id: SIRETS.holder2, typeIdentifiant: 'SIRET' } },
    ])
    expect(audit.modifications?.map((m) => m.modification)).toEqual([
      {
        id: 1,
        dateNotificationModification: '2026-03-05',
        datePublicationDonneesModification: '2026-07-01',
        titulaires: [{ titulaire: { id: SIRETS.holder4, typeIdentifiant: 'SIRET' } }],
      },
    ])
  })

  it('is deterministic and takes the fields the ledger does not know from its options', () => {
    const options = {
      publishedOn: '2026-07-01',
      procedure: 'Procédure avec négociation',
      lieuExecution: { code: '63', typeCode: 'Code département' },
      typesPrix: ['Définitif ferme'],
      formePrix: 'Forfaitaire',
      frameworkOffersReceived: 9,
      offersReceived: () => 4,
    } as const
    const first = exportDecp(events, options)
    expect(exportDecp(events, options).json).toBe(first.json)
    for (const m of first.document.marches.marche) {
      expect(m.procedure).toBe('Procédure avec négociation')
      expect(m.lieuExecution).toEqual({ code: '63', typeCode: 'Code département' })
      expect(m.typesPrix.typePrix).toEqual(['Définitif ferme'])
      expect(m.formePrix).toBe('Forfaitaire')
      expect(m.datePublicationDonnees).toBe('2026-07-01')
    }
    expect(first.document.marches.marche.map((m) => m.offresRecues)).toEqual([9, 4, 4])
    expect(validateDecp(first.document).valid).toBe(true)
  })

  it('refuses a publication date that is malformed or before a date it publishes', () => {
    expect(() => exportDecp(events, { publishedOn: '01/07/2026' })).toThrow(/YYYY-MM-DD/)
    expect(() => exportDecp(events, { publishedOn: '2026-03-01' })).toThrow(
      /the latest is 2026-03-05/,
    )
  })

  it('refuses a part of a log, and a framework without holders', () => {
    const withoutOpening = events.filter((event) => event.type !== 'FrameworkOpened')
    expect(() => exportDecp(withoutOpening, { publishedOn: '2026-07-01' })).toThrow(
      /whose opening is not among the events given/,
    )
    const opening = events.filter((event) => event.type === 'FrameworkOpened')
    expect(() => exportDecp(opening, { publishedOn: '2026-07-01' })).toThrow(/no holder yet/)
  })
})

describe('exportDecp on modifications notified out of order', () => {
  it('numbers them by notification date and cumulates the amounts in that order', async () => {
    const ledger = createLedger({ clock: steppingClock() })
    const [open, holder1, , dinum, sports, , , allocateSports] = SMALL_LEDGER
    const award = SMALL_LEDGER.find(
      (line) =>
        line.command.type === 'AwardContract' && line.command.contractId === 'MS-25-SPORTS-01',
    )!
    const buyer = buyerOf(SIRETS.beneficiaryB)
    const modify = (
      commandId: string,
      modificationId: string,
      delta: string,
      notifiedOn: string,
    ): FixtureLine => ({
      actor: buyer,
      command: {
        type: 'ModifyContract',
        commandId,
        contractId: 'MS-25-SPORTS-01',
        modificationId,
        delta,
        legalBasis: 'R2194-1',
        notifiedOn,
        reason: 'Option prévue au contrat.',
      },
    })
    await executeLines(ledger, [
      open!,
      holder1!,
      dinum!,
      sports!,
      allocateSports!,
      award,
      modify('m1', 'AV-LATE', '10000', '2026-02-01'),
      modify('m2', 'AV-EARLY', '5000', '2026-01-15'),
    ])
    const { document } = exportDecp(await readEvents(ledger), { publishedOn: '2026-07-01' })
    expect(marche(document, 'MS-25-SPORTS-01').modifications?.map((m) => m.modification)).toEqual([
      expect.objectContaining({
        id: 1,
        dateNotificationModification: '2026-01-15',
        montant: 485_000,
      }),
      expect.objectContaining({
        id: 2,
        dateNotificationModification: '2026-02-01',
        montant: 495_000,
      }),
    ])
  })
})
