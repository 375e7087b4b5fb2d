import { parseCents, type LedgerEvent } from '@plafond/core'

/** Money an event moves, by kind, with its business date: what period views sum. */
export interface DatedMoney {
  readonly on: string
  readonly kind: 'committed' | 'certified' | 'paid'
  readonly cents: bigint
}

/**
 * The dated money of a log, read naively: commitments from the framework stream (award,
 * modification, release), certified deliveries and payments from the contract streams.
 */
export function datedMoney(events: readonly LedgerEvent[]): DatedMoney[] {
  const out: DatedMoney[] = []
  for (const event of events) {
    switch (event.type) {
      case 'CommitmentAwarded':
        out.push({
          on: event.data.awardedOn,
          kind: 'committed',
          cents: parseCents(event.data.amount),
        })
        break
      case 'CommitmentModified':
        out.push({
          on: event.data.notifiedOn,
          kind: 'committed',
          cents: parseCents(event.data.delta),
        })
        break
      case 'CommitmentReleased':
        out.push({
          on: event.data.closedOn,
          kind: 'committed',
          cents: -parseCents(event.data.amount),
        })
        break
      case 'ServiceCertified':
        out.push({
          on: event.data.certifiedOn,
          kind: 'certified',
          cents: parseCents(event.data.amount),
        })
        break
      case 'PaymentRecorded':
        out.push({ on: event.data.paidOn, kind: 'paid', cents: parseCents(event.data.amount) })
        break
      default:
        break
    }
  }
  return out
}

/** Σ of one kind of dated money whose date passes `keep`. */
export function sumDated(
  money: readonly DatedMoney[],
  kind: DatedMoney['kind'],
  keep: (on: string) => boolean,
): bigint {
  return money.filter((m) => m.kind === kind && keep(m.on)).reduce((sum, m) => sum + m.cents, 0n)
}
