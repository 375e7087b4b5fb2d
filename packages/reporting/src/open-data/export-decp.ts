import { formatCents, parseCents, type LedgerEvent } from '@plafond/core'
import { monthsCovering } from './calendar-months.js'
import type { DecpDocument, DecpMarche, DecpModification, DecpTitulaire } from './decp-document.js'
import { decpId, type DecpIdMapping } from './decp-id.js'
import {
  checkDecpOptions,
  DECP_DEFAULTS,
  defaultOffersReceived,
  type DecpExportOptions,
} from './decp-options.js'
import { JsonDecimal, stringifyExactJson } from './exact-json.js'
import { readProcurementBooks, type CallOffBook, type FrameworkBook } from './procurement-books.js'

/** What `exportDecp` returns. */
export interface DecpExport {
  /** The DECP 2.0.3 document as JSON text, each `montant` written digit for digit. */
  readonly json: string
  /** The same document as a consumer parses it. */
  readonly document: DecpDocument
  /** Every market published, with its ledger id and its DECP id (see `decpId`). */
  readonly ids: readonly DecpIdMapping[]
}

type Marche = DecpMarche<JsonDecimal>

// The schema's `objet` holds at most 1000 characters.
const OBJECT_MAX = 1000

function montant(amount: string, what: string): JsonDecimal {
  if (parseCents(amount) < 100n) {
    throw new RangeError(
      `DECP requires montant ≥ 1 €, found ${amount} € for ${what}. Leave such a market out of the events exported.`,
    )
  }
  return new JsonDecimal(amount)
}

function titulaires(holderIds: Iterable<string>): DecpTitulaire[] {
  return [...holderIds].map((id) => ({ titulaire: { id, typeIdentifiant: 'SIRET' } }))
}

/** The holders of a framework current on `date` (inclusive), in the order they joined. */
function holdersOn(framework: FrameworkBook, date: string): string[] {
  const current = new Set<string>()
  for (const step of framework.steps) {
    if (step.type === 'HolderAdded' && step.data.addedOn <= date) current.add(step.data.holderId)
    if (step.type === 'HolderSucceeded' && step.data.succeededOn <= date) {
      current.delete(step.data.holderId)
      current.add(step.data.successorId)
    }
  }
  return [...current]
}

interface Resolved {
  readonly options: DecpExportOptions
  readonly common: Pick<
    Marche,
    | 'nature'
    | 'marcheInnovant'
    | 'ccag'
    | 'attributionAvance'
    | 'typeGroupementOperateurs'
    | 'sousTraitanceDeclaree'
    | 'procedure'
    | 'lieuExecution'
  >
}

function pricing(options: DecpExportOptions): Pick<Marche, 'typesPrix' | 'formePrix'> {
  return {
    typesPrix: { typePrix: options.typesPrix ?? DECP_DEFAULTS.typesPrix },
    formePrix: options.formePrix ?? DECP_DEFAULTS.formePrix,
  }
}

function considerations(
  options: DecpExportOptions,
): Pick<Marche, 'considerationsSociales' | 'considerationsEnvironnementales'> {
  return {
    considerationsSociales: {
      considerationSociale: options.considerationsSociales ?? DECP_DEFAULTS.considerationsSociales,
    },
    considerationsEnvironnementales: {
      considerationEnvironnementale:
        options.considerationsEnvironnementales ?? DECP_DEFAULTS.considerationsEnvironnementales,
    },
  }
}

/** The schema prefers the CPV code without its check digit, which the ledger never verifies. */
function cpvOf(framework: FrameworkBook, options: DecpExportOptions): string {
  return (framework.opened.data.cpv ?? options.cpv ?? DECP_DEFAULTS.cpv).slice(0, 8)
}

/**
 * The framework's `modifications`: every later change of its holders (a holder joining after the
 * first ones, a succession under R2194-6), one per notification date, with the holders after it.
 */
function frameworkModifications(
  framework: FrameworkBook,
  firstDay: string,
  publishedOn: string,
): DecpModification<JsonDecimal>[] {
  const dates = new Set<string>()
  for (const step of framework.steps) {
    if (step.type === 'HolderAdded' && step.data.addedOn > firstDay) dates.add(step.data.addedOn)
    if (step.type === 'HolderSucceeded') dates.add(step.data.succeededOn)
  }
  return [...dates].sort().map((date, index) => ({
    modification: {
      id: index + 1,
      dateNotificationModification: date,
      datePublicationDonneesModification: publishedOn,
      titulaires: titulaires(holdersOn(framework, date)),
    },
  }))
}

function frameworkMarche(framework: FrameworkBook, resolved: Resolved): Marche {
  const { options } = resolved
  const opened = framework.opened.data
  const joined = framework.steps.flatMap((step) =>
    step.type === 'HolderAdded' ? [step.data.addedOn] : [],
  )
  if (joined.length === 0) {
    throw new RangeError(
      `DECP requires at least one titulaire, and framework ${opened.frameworkId} has no holder yet. Add its holders before exporting.`,
    )
  }
  // The first holders are those known when the framework starts (or, if all joined later, on the
  // first day any joined); later arrivals and successions are modifications.
  const earliest = joined.reduce((a, b) => (a < b ? a : b))
  const cutoff = earliest > opened.startsOn ? earliest : opened.startsOn
  const first = new Set(
    framework.steps.flatMap((step) =>
      step.type === 'HolderAdded' && step.data.addedOn <= cutoff ? [step.data.holderId] : [],
    ),
  )
  const hasPurchaseOrders = framework.callOffs.some(
    (callOff) => callOff.awarded.data.kind === 'purchase-order',
  )
  const modifications = frameworkModifications(framework, cutoff, options.publishedOn)
  return {
    id: decpId(opened.frameworkId),
    acheteur: { id: opened.buyerId },
    nature: resolved.common.nature,
    objet: opened.title.slice(0, OBJECT_MAX),
    codeCPV: cpvOf(framework, options),
    techniques: { technique: ['Accord-cadre'] },
    modalitesExecution: {
      modaliteExecution: hasPurchaseOrders
        ? ['Marchés subséquents', 'Bons de commande']
        : ['Marchés subséquents'],
    },
    marcheInnovant: resolved.common.marcheInnovant,
    ccag: resolved.common.ccag,
    offresRecues: options.frameworkOffersReceived ?? first.size,
    attributionAvance: resolved.common.attributionAvance,
    typeGroupementOperateurs: resolved.common.typeGroupementOperateurs,
    sousTraitanceDeclaree: resolved.common.sousTraitanceDeclaree,
    procedure: resolved.common.procedure,
    lieuExecution: resolved.common.lieuExecution,
    dureeMois: monthsCovering(opened.startsOn, opened.endsOn),
    dateNotification: opened.startsOn,
    datePublicationDonnees: options.publishedOn,
    montant: montant(opened.maximum, `the maximum of framework ${opened.frameworkId}`),
    ...pricing(options),
    titulaires: titulaires(first),
    ...considerations(options),
    ...(modifications.length > 0 ? { modifications } : {}),
  }
}

/**
 * A call-off's `modifications`, in notification order (log order among the same day), each with
 * the amount and the holder after it, cumulated in that order.
 */
function callOffModifications(
  callOff: CallOffBook,
  publishedOn: string,
): DecpModification<JsonDecimal>[] {
  const modified = callOff.steps
    .flatMap((step) => (step.type === 'ContractModified' ? [step.data] : []))
    .map((data, order) => ({ data, order }))
    .sort((a, b) =>
      a.data.notifiedOn === b.data.notifiedOn
        ? a.order - b.order
        : a.data.notifiedOn < b.data.notifiedOn
          ? -1
          : 1,
    )
  let amount = parseCents(callOff.awarded.data.amount)
  return modified.map(({ data }, index) => {
    const changed = parseCents(data.delta)
    amount += changed
    // DECP's montant is at least 1 €: a contract brought under it is published without one.
    const newAmount =
      amount >= 100n && changed !== 0n ? new JsonDecimal(formatCents(amount)) : undefined
    return {
      modification: {
        id: index + 1,
        dateNotificationModification: data.notifiedOn,
        datePublicationDonneesModification: publishedOn,
        ...(newAmount === undefined ? {} : { montant: newAmount }),
        ...(data.newHolderId === undefined ? {} : { titulaires: titulaires([data.newHolderId]) }),
      },
    }
  })
}

function defaultObject(callOff: CallOffBook, frameworkTitle: string): string {
  const what =
    callOff.awarded.data.kind === 'purchase-order' ? 'Bon de commande' : 'Marché subséquent'
  return `${what} de l'accord-cadre « ${frameworkTitle} »`
}

function callOffMarche(framework: FrameworkBook, callOff: CallOffBook, resolved: Resolved): Marche {
  const { options } = resolved
  const award = callOff.awarded.data
  const opened = framework.opened.data
  const object = award.object ?? defaultObject(callOff, opened.title)
  const objet = award.product === undefined ? object : `${object} (produit ${award.product})`
  const hasOrders = callOff.steps.some((step) => step.type === 'OrderIssued')
  const offers = (options.offersReceived ?? defaultOffersReceived)({
    contractId: award.contractId,
    competition: award.competition,
    currentHolders: holdersOn(framework, award.awardedOn).length,
  })
  if (!Number.isInteger(offers) || offers < 1) {
    throw new RangeError(
      `Expected offersReceived to give a whole number of at least 1 for call-off ${award.contractId}, found ${offers}.`,
    )
  }
  const modifications = callOffModifications(callOff, options.publishedOn)
  return {
    id: decpId(award.contractId),
    acheteur: { id: award.beneficiaryId },
    nature: resolved.common.nature,
    objet: objet.slice(0, OBJECT_MAX),
    codeCPV: cpvOf(framework, options),
    // A call-off uses no purchasing technique of its own: `idAccordCadre` ties it to the framework.
    techniques: { technique: ['Sans objet'] },
    modalitesExecution: { modaliteExecution: hasOrders ? ['Bons de commande'] : ['Sans objet'] },
    idAccordCadre: decpId(opened.frameworkId),
    marcheInnovant: resolved.common.marcheInnovant,
    ccag: resolved.common.ccag,
    offresRecues: offers,
    attributionAvance: resolved.common.attributionAvance,
    typeGroupementOperateurs: resolved.common.typeGroupementOperateurs,
    sousTraitanceDeclaree: resolved.common.sousTraitanceDeclaree,
    procedure: resolved.common.procedure,
    lieuExecution: resolved.common.lieuExecution,
    // R2162-5: without a stated duration, execution runs at most to the framework's end.
    dureeMois: award.durationMonths ?? monthsCovering(award.awardedOn, opened.endsOn),
    dateNotification: award.awardedOn,
    datePublicationDonnees: options.publishedOn,
    montant: montant(award.amount, `call-off ${award.contractId}`),
    ...pricing(options),
    titulaires: titulaires([award.holderId]),
    ...considerations(options),
    ...(modifications.length > 0 ? { modifications } : {}),
  }
}

function latestDate(marches: readonly Marche[]): string {
  let latest = ''
  for (const marche of marches) {
    if (marche.dateNotification > latest) latest = marche.dateNotification
    for (const { modification } of marche.modifications ?? []) {
      if (modification.dateNotificationModification > latest) {
        latest = modification.dateNotificationModification
      }
    }
  }
  return latest
}

/**
 * Exports a ledger's frameworks and call-offs as a DECP 2.0.3 document: each framework as a
 * `marche` of technique "Accord-cadre" with its holders and its maximum as `montant`, then each
 * call-off (subsequent contract or purchase order) as its own `marche` pointing back through
 * `idAccordCadre`, with its modifications as new totals. Ids longer than 16 characters are mapped
 * by `decpId`; `ids` lists every mapping. Deterministic: the same events and options give the same
 * text. Throws when the events are not a whole log, when a framework has no holder, when an amount
 * is under the schema's 1 €, when two ids map to the same DECP id, or when `publishedOn` comes
 * before a date it publishes.
 *
 * ```ts
 * const events = []
 * for await (const event of ledger.readAll()) events.push(event)
 * const { json, ids } = exportDecp(events, { publishedOn: '2025-12-31' })
 * ```
 */
export function exportDecp(events: Iterable<LedgerEvent>, options: DecpExportOptions): DecpExport {
  checkDecpOptions(options)
  const resolved: Resolved = {
    options,
    common: {
      nature: options.nature ?? DECP_DEFAULTS.nature,
      marcheInnovant: options.marcheInnovant ?? DECP_DEFAULTS.marcheInnovant,
      ccag: options.ccag ?? DECP_DEFAULTS.ccag,
      attributionAvance: options.attributionAvance ?? DECP_DEFAULTS.attributionAvance,
      typeGroupementOperateurs:
        options.typeGroupementOperateurs ?? DECP_DEFAULTS.typeGroupementOperateurs,
      sousTraitanceDeclaree: options.sousTraitanceDeclaree ?? DECP_DEFAULTS.sousTraitanceDeclaree,
      procedure: options.procedure ?? DECP_DEFAULTS.procedure,
      lieuExecution: options.lieuExecution ?? DECP_DEFAULTS.lieuExecution,
    },
  }
  const marches: Marche[] = []
  const ids: DecpIdMapping[] = []
  const byDecpId = new Map<string, string>()
  const publish = (kind: DecpIdMapping['kind'], ledgerId: string, marche: Marche): void => {
    const earlier = byDecpId.get(marche.id)
    if (earlier !== undefined) {
      throw new RangeError(
        `Two markets map to the DECP id ${marche.id}: ${earlier} and ${ledgerId}. DECP ids have at most 16 characters; rename one of them in the ledger's history, or shorten it.`,
      )
    }
    byDecpId.set(marche.id, ledgerId)
    ids.push({ kind, ledgerId, decpId: marche.id })
    marches.push(marche)
  }
  for (const framework of readProcurementBooks(events)) {
    publish('framework', framework.opened.data.frameworkId, frameworkMarche(framework, resolved))
    for (const callOff of framework.callOffs) {
      publish(
        'call-off',
        callOff.awarded.data.contractId,
        callOffMarche(framework, callOff, resolved),
      )
    }
  }
  const latest = latestDate(marches)
  if (latest > options.publishedOn) {
    throw new RangeError(
      `Expected publishedOn on or after every notification date it publishes (the latest is ${latest}), found ${options.publishedOn}.`,
    )
  }
  const json = `${stringifyExactJson({ marches: { marche: marches } })}\n`
  return { json, document: JSON.parse(json) as DecpDocument, ids }
}
