import type { OcdsFrameworkAgreement, OcdsItem, OcdsRelease, OcdsTender } from './ocds-document.js'
import { JsonDecimal } from './exact-json.js'
import { ProcessParties } from './ocds-parties.js'
import { ocdsDateTime, ReleaseSequence } from './ocds-release-sequence.js'
import type { FrameworkBook } from './procurement-books.js'

type Release = OcdsRelease<JsonDecimal>

/** What a framework's and its call-offs' releases share. */
export interface FrameworkContext {
  readonly ocid: string
  readonly items: readonly OcdsItem[]
  readonly procurementMethod: NonNullable<OcdsTender['procurementMethod']>
  readonly method: NonNullable<OcdsFrameworkAgreement['method']>
  readonly buyerName: string | undefined
}

// How the closing reason reads in a French publication.
const CLOSE_REASONS = {
  expired: 'arrivé à échéance',
  terminated: 'résilié',
  exhausted: 'maximum atteint',
} as const

/** The award of a framework to one holder: `<frameworkId>-<SIRET>`. */
function holderAwardId(frameworkId: string, holderId: string): string {
  return `${frameworkId}-${holderId}`
}

function frameworkParties(framework: FrameworkBook, context: FrameworkContext): ProcessParties {
  const names = new Map(framework.names)
  const { buyerId } = framework.opened.data
  if (!names.has(buyerId) && context.buyerName !== undefined) names.set(buyerId, context.buyerName)
  const parties = new ProcessParties(names)
  parties.add(buyerId, 'buyer', 'procuringEntity')
  for (const step of framework.steps) {
    if (step.type === 'HolderAdded') parties.add(step.data.holderId, 'supplier')
    if (step.type === 'HolderSucceeded') parties.add(step.data.successorId, 'supplier')
    // Every named beneficiary buys under the framework (R2162-6).
    if (step.type === 'BeneficiaryAdded') parties.add(step.data.beneficiaryId, 'buyer')
  }
  return parties
}

/**
 * The releases of a framework's first stage, in log order: `tender` when it opens (estimate in
 * `tender.value`, maximum in `tender.techniques.frameworkAgreement.value`), `award` for each
 * holder (one award per holder), `awardUpdate` for a succession (R2194-6: an amendment to the
 * former holder's award and a new award to the successor), `tenderUpdate` for each beneficiary
 * named and for the closing. Several buyers share the framework, so `buyer` is left out (OCDS's
 * framework guidance) and each beneficiary is a party with role `buyer`.
 */
export function frameworkReleases(framework: FrameworkBook, context: FrameworkContext): Release[] {
  const opened = framework.opened.data
  const parties = frameworkParties(framework, context)
  const sequence = new ReleaseSequence(context.ocid)
  const period = {
    startDate: ocdsDateTime(opened.startsOn),
    endDate: ocdsDateTime(opened.endsOn, 'end'),
  }
  const releases: Release[] = [
    {
      ...sequence.next(framework.opened, ['tender']),
      parties: parties.parties(opened.buyerId),
      tender: {
        id: opened.frameworkId,
        title: opened.title,
        status: 'active',
        procuringEntity: parties.reference(opened.buyerId),
        items: context.items,
        value: { amount: new JsonDecimal(opened.estimate), currency: 'EUR' },
        ...(opened.minimum === undefined
          ? {}
          : { minValue: { amount: new JsonDecimal(opened.minimum), currency: 'EUR' } }),
        procurementMethod: context.procurementMethod,
        mainProcurementCategory: 'services',
        contractPeriod: period,
        techniques: {
          hasFrameworkAgreement: true,
          frameworkAgreement: {
            maximumParticipants: opened.maxHolders,
            method: context.method,
            value: { amount: new JsonDecimal(opened.maximum), currency: 'EUR' },
            period,
          },
        },
      },
    },
  ]
  for (const step of framework.steps) {
    switch (step.type) {
      case 'HolderAdded':
        releases.push({
          ...sequence.next(step, ['award']),
          parties: parties.parties(step.data.holderId),
          awards: [
            {
              id: holderAwardId(opened.frameworkId, step.data.holderId),
              status: 'active',
              date: ocdsDateTime(step.data.addedOn),
              suppliers: [parties.reference(step.data.holderId)],
            },
          ],
        })
        break
      case 'HolderSucceeded': {
        const before = sequence.previousId
        const head = sequence.next(step, ['awardUpdate'])
        const { holderId, successorId, succeededOn, reason } = step.data
        releases.push({
          ...head,
          parties: parties.parties(holderId, successorId),
          awards: [
            {
              id: holderAwardId(opened.frameworkId, holderId),
              amendments: [
                {
                  id: `R2194-6-${successorId}`,
                  date: ocdsDateTime(succeededOn),
                  rationale: reason,
                  description: `Titulaire ${holderId} remplacé par son successeur ${successorId} (R2194-6).`,
                  ...(before === undefined ? {} : { amendsReleaseID: before }),
                  releaseID: head.id,
                },
              ],
            },
            {
              id: holderAwardId(opened.frameworkId, successorId),
              description: `Succède au titulaire ${holderId} (R2194-6).`,
              status: 'active',
              date: ocdsDateTime(succeededOn),
              suppliers: [parties.reference(successorId)],
            },
          ],
        })
        break
      }
      case 'BeneficiaryAdded':
        releases.push({
          ...sequence.next(step, ['tenderUpdate']),
          parties: parties.parties(step.data.beneficiaryId),
        })
        break
      case 'FrameworkClosed':
        releases.push({
          ...sequence.next(step, ['tenderUpdate']),
          tender: {
            id: opened.frameworkId,
            status: 'complete',
            description: `Accord-cadre clos le ${step.data.closedOn} (${CLOSE_REASONS[step.data.reason]}) : plus aucun marché subséquent.`,
          },
        })
        break
    }
  }
  return releases
}
