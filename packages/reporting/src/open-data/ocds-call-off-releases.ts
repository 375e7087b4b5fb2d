import { formatCents, parseCents } from '@plafond/core'
import { lastDayOfMonths } from './calendar-months.js'
import type { OcdsPeriod, OcdsRelease } from './ocds-document.js'
import { JsonDecimal } from './exact-json.js'
import type { FrameworkContext } from './ocds-framework-releases.js'
import { ProcessParties } from './ocds-parties.js'
import { ocdsDateTime, ReleaseSequence } from './ocds-release-sequence.js'
import type { CallOffBook, FrameworkBook } from './procurement-books.js'

type Release = OcdsRelease<JsonDecimal>

function euros(amount: string): JsonDecimal {
  return new JsonDecimal(amount)
}

function signed(delta: string): string {
  return parseCents(delta) > 0n
    ? `+${formatCents(parseCents(delta))}`
    : formatCents(parseCents(delta))
}

/**
 * Roles over the call-off's whole life: the beneficiary buys, runs its own award and pays; each
 * holder supplies, and is payee when it received a payment (the holder of the day, after any
 * R2194-6 succession).
 */
function callOffParties(framework: FrameworkBook, callOff: CallOffBook): ProcessParties {
  const award = callOff.awarded.data
  const parties = new ProcessParties(framework.names)
  parties.add(award.beneficiaryId, 'buyer', 'procuringEntity')
  parties.add(award.holderId, 'supplier')
  let holder = award.holderId
  for (const step of callOff.steps) {
    if (step.type === 'ContractModified' && step.data.newHolderId !== undefined) {
      holder = step.data.newHolderId
      parties.add(holder, 'supplier')
    }
    if (step.type === 'PaymentRecorded') {
      parties.add(award.beneficiaryId, 'payer')
      parties.add(holder, 'payee')
    }
  }
  return parties
}

function procurementDetails(callOff: CallOffBook): string {
  const award = callOff.awarded.data
  if (award.kind === 'purchase-order') {
    return 'Bon de commande émis sur le fondement de l’accord-cadre (R2162-13, R2162-14).'
  }
  return award.competition === 'mini-competition'
    ? 'Marché subséquent attribué après remise en concurrence des titulaires (R2162-10).'
    : 'Marché subséquent attribué sans remise en concurrence, dans les cas prévus par l’accord-cadre.'
}

/**
 * The releases of one call-off, a contracting process of its own linked to its framework by
 * `relatedProcesses` (`relationship: ['framework']`, `scheme: 'ocid'`), in log order:
 * `tender`+`award`+`contract` at the award, `contractAmendment` for each modification (the
 * contract's value updated in place, the amendment recording date, rationale and the releases
 * before and after; an R2194-6 succession also updates the award's suppliers), `implementation`
 * for each payment (a transaction from the beneficiary to the holder of the day) and
 * `contractTermination` at the closing. Purchase orders under a call-off are not published.
 */
export function callOffReleases(
  framework: FrameworkBook,
  callOff: CallOffBook,
  context: FrameworkContext,
  ocid: string,
): Release[] {
  const award = callOff.awarded.data
  const opened = framework.opened.data
  const parties = callOffParties(framework, callOff)
  const sequence = new ReleaseSequence(ocid)
  const title =
    award.object ?? (award.kind === 'purchase-order' ? 'Bon de commande' : 'Marché subséquent')
  const period: OcdsPeriod = {
    startDate: ocdsDateTime(award.awardedOn),
    ...(award.durationMonths === undefined
      ? {}
      : { endDate: ocdsDateTime(lastDayOfMonths(award.awardedOn, award.durationMonths), 'end') }),
  }
  const items = context.items.map((item) =>
    award.product === undefined ? item : { ...item, description: `Produit ${award.product}` },
  )
  const releases: Release[] = [
    {
      ...sequence.next(callOff.awarded, ['tender', 'award', 'contract']),
      parties: parties.parties(award.beneficiaryId, award.holderId),
      buyer: parties.reference(award.beneficiaryId),
      tender: {
        id: award.contractId,
        title,
        status: 'complete',
        procuringEntity: parties.reference(award.beneficiaryId),
        items,
        procurementMethod: context.procurementMethod,
        procurementMethodDetails: procurementDetails(callOff),
        ...(award.justification === undefined
          ? {}
          : { procurementMethodRationale: award.justification }),
        mainProcurementCategory: 'services',
        competitive: award.competition === 'mini-competition',
      },
      awards: [
        {
          id: award.contractId,
          title,
          status: 'active',
          date: ocdsDateTime(award.awardedOn),
          value: { amount: euros(award.amount), currency: 'EUR' },
          suppliers: [parties.reference(award.holderId)],
          contractPeriod: period,
        },
      ],
      contracts: [
        {
          id: award.contractId,
          awardID: award.contractId,
          title,
          status: 'active',
          dateSigned: ocdsDateTime(award.awardedOn),
          value: { amount: euros(award.amount), currency: 'EUR' },
          period,
          items,
        },
      ],
      relatedProcesses: [
        {
          id: '1',
          relationship: ['framework'],
          title: opened.title,
          scheme: 'ocid',
          identifier: context.ocid,
        },
      ],
    },
  ]
  let holder = award.holderId
  for (const step of callOff.steps) {
    switch (step.type) {
      case 'ContractModified': {
        const before = sequence.previousId
        const successor = step.data.newHolderId
        const head = sequence.next(
          step,
          successor === undefined ? ['contractAmendment'] : ['contractAmendment', 'awardUpdate'],
        )
        if (successor !== undefined) holder = successor
        releases.push({
          ...head,
          ...(successor === undefined ? {} : { parties: parties.parties(successor) }),
          ...(successor === undefined
            ? {}
            : { awards: [{ id: award.contractId, suppliers: [parties.reference(successor)] }] }),
          contracts: [
            {
              id: award.contractId,
              awardID: award.contractId,
              value: { amount: euros(step.data.newAmount), currency: 'EUR' },
              amendments: [
                {
                  id: step.data.modificationId,
                  date: ocdsDateTime(step.data.notifiedOn),
                  rationale: step.data.reason,
                  description:
                    successor === undefined
                      ? `${step.data.legalBasis} : ${signed(step.data.delta)} € HT, nouveau montant ${step.data.newAmount} € HT.`
                      : `${step.data.legalBasis} : le titulaire ${successor} succède au précédent ; montant inchangé (${step.data.newAmount} € HT).`,
                  ...(before === undefined ? {} : { amendsReleaseID: before }),
                  releaseID: head.id,
                },
              ],
            },
          ],
        })
        break
      }
      case 'PaymentRecorded':
        releases.push({
          ...sequence.next(step, ['implementation']),
          parties: parties.parties(award.beneficiaryId, holder),
          contracts: [
            {
              id: award.contractId,
              awardID: award.contractId,
              implementation: {
                transactions: [
                  {
                    id: step.data.paymentId,
                    date: ocdsDateTime(step.data.paidOn),
                    value: { amount: euros(step.data.amount), currency: 'EUR' },
                    payer: parties.reference(award.beneficiaryId),
                    payee: parties.reference(holder),
                  },
                ],
              },
            },
          ],
        })
        break
      case 'ContractClosed':
        releases.push({
          ...sequence.next(step, ['contractTermination']),
          contracts: [
            {
              id: award.contractId,
              awardID: award.contractId,
              status: 'terminated',
              period: { endDate: ocdsDateTime(step.data.closedOn, 'end') },
            },
          ],
        })
        break
      case 'OrderIssued':
        break
    }
  }
  return releases
}
