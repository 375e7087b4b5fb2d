import { addDays, type Actor, type CommandInput } from '@plafond/core'
import type { SyntheticFramework } from './synthetic-framework.js'

/** What the ledger should answer to a command of the mix. */
export type Expected = 'ok' | 'refused' | 'replayed'

/** One command of the mix, with who issues it and what it should get. */
export interface MixEntry {
  readonly command: CommandInput
  readonly actor: Actor
  readonly expected: Expected
}

/** Options of `commandMix`. */
export interface CommandMixOptions {
  /** Makes ids unique when several mixes run on one ledger. */
  readonly prefix: string
  /** Call-offs worked on at the same time: the mix goes phase by phase through each wave. */
  readonly wave?: number
}

/** The steps of one call-off's life, in order. */
const PHASES = [
  'award',
  'order-1',
  'certify-1',
  'invoice-1',
  'pay-1',
  'order-2',
  'certify-2',
  'invoice-2',
  'pay-2',
  'certify-3',
  'invoice-3',
  'pay-3',
] as const

type Phase = (typeof PHASES)[number]

function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/**
 * The entries of one phase of call-off `n`: usually one command, sometimes a refused or repeated
 * one beside it. About 1 % of the mix is refused (a payment above what was certified, an award
 * above the beneficiary's allocation) and 0.5 % repeats an earlier command (a client retry).
 */
function phaseEntries(framework: SyntheticFramework, prefix: string, n: number, phase: Phase) {
  const b = n % framework.beneficiaries.length
  const beneficiaryId = framework.beneficiaries[b]!
  const buyer = framework.buyers[b]!
  const accountant = framework.accountants[b]!
  const contractId = `${prefix}-C${n}`
  const id = (step: string): string => `${prefix}:${n}:${step}`
  const amount = 200_000 + 10_000 * (n % 5)
  const quarter = amount / 4
  const awardedOn = addDays('2025-10-01', n % 90)
  const certifiedOn = (k: number): string => addDays(awardedOn, 30 * k)
  const receivedOn = (k: number): string => addDays(certifiedOn(k), 3)
  // One call-off in ten pays its first invoice late: late-payment interest (R2192-36).
  const paidOn = (k: number): string => addDays(receivedOn(k), k === 1 && n % 10 === 7 ? 40 : 12)
  const entries: MixEntry[] = []
  const ok = (command: CommandInput, actor: Actor): void => {
    entries.push({ command, actor, expected: 'ok' })
  }
  const step = Number(phase.slice(-1))
  switch (phase) {
    case 'award':
      ok(
        {
          type: 'AwardContract',
          commandId: id('award'),
          frameworkId: framework.frameworkId,
          contractId,
          beneficiaryId,
          holderId: framework.holders[n % framework.holders.length]!,
          kind: 'subsequent-contract',
          amount: euros(amount),
          awardedOn,
          competition: 'mini-competition',
          product: `product-${n % 40}`,
        },
        buyer,
      )
      if (n % 32 === 17) {
        entries.push({
          command: {
            type: 'AwardContract',
            commandId: id('award-too-big'),
            frameworkId: framework.frameworkId,
            contractId: `${contractId}-X`,
            beneficiaryId,
            holderId: framework.holders[0]!,
            kind: 'subsequent-contract',
            amount: '99999999',
            awardedOn,
            competition: 'mini-competition',
          },
          actor: buyer,
          expected: 'refused',
        })
      }
      break
    case 'order-1':
    case 'order-2':
      ok(
        {
          type: 'IssueOrder',
          commandId: id(phase),
          contractId,
          orderId: `O-${step}`,
          amount: euros(quarter),
          issuedOn: addDays(awardedOn, 1 + 14 * (step - 1)),
        },
        buyer,
      )
      break
    case 'certify-1':
    case 'certify-2':
    case 'certify-3':
      ok(
        {
          type: 'CertifyService',
          commandId: id(phase),
          contractId,
          serviceId: `S-${step}`,
          amount: euros(quarter),
          certifiedOn: certifiedOn(step),
        },
        buyer,
      )
      break
    case 'invoice-1':
    case 'invoice-2':
    case 'invoice-3':
      ok(
        {
          type: 'RecordInvoice',
          commandId: id(phase),
          contractId,
          invoiceId: `F-${step}`,
          amount: euros(quarter),
          vat: euros(quarter / 5),
          receivedOn: receivedOn(step),
        },
        accountant,
      )
      break
    case 'pay-1':
    case 'pay-2':
    case 'pay-3': {
      const payment: CommandInput = {
        type: 'RecordPayment',
        commandId: id(phase),
        contractId,
        paymentId: `P-${step}`,
        invoiceId: `F-${step}`,
        amount: euros(quarter),
        paidOn: paidOn(step),
      }
      ok(payment, accountant)
      if (step === 1 && n % 16 === 5)
        entries.push({ command: payment, actor: accountant, expected: 'replayed' })
      if (step === 3 && n % 8 === 3) {
        entries.push({
          command: {
            type: 'RecordPayment',
            commandId: id('overpay'),
            contractId,
            paymentId: 'P-X',
            amount: euros(amount),
            paidOn: paidOn(3),
          },
          actor: accountant,
          expected: 'refused',
        })
      }
      break
    }
  }
  return entries
}

/**
 * A realistic, deterministic and endless mix of commands on `framework` (open it with its `setup`
 * first): call-offs awarded, ordered, certified, invoiced and paid, in waves of `wave` call-offs
 * worked on together, with a few refusals and repeats. About 12.3 commands and 13 events per
 * call-off; amounts are small enough that a million events stay within the allocations.
 */
export function* commandMix(
  framework: SyntheticFramework,
  options: CommandMixOptions,
): Generator<MixEntry> {
  const wave = options.wave ?? 64
  for (let first = 0; ; first += wave) {
    for (const phase of PHASES) {
      for (let n = first; n < first + wave; n++) {
        yield* phaseEntries(framework, options.prefix, n, phase)
      }
    }
  }
}

/** The first `count` entries of a mix. */
export function takeMix(mix: Iterator<MixEntry>, count: number): MixEntry[] {
  const out: MixEntry[] = []
  while (out.length < count) {
    const next = mix.next()
    if (next.done === true) break
    out.push(next.value)
  }
  return out
}
