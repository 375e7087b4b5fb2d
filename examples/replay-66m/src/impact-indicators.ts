import type { SeededRandom } from './seeded-random.js'
import type { FundedPhase } from './contract-plan.js'

/** One indicator as `RecordImpact` carries it: the value is a decimal string, never a number. */
export interface Indicator {
  readonly name: string
  readonly value: string
  readonly unit: string
}

/**
 * How one kind of indicator moves from one six-month measurement to the next. Values are kept
 * as integers of 10^-decimals (tenths of a day, hundredths of a ratio), so that the history's
 * bytes never depend on floating-point formatting.
 */
interface IndicatorKind {
  readonly name: string
  readonly unit: string
  readonly decimals: 0 | 1 | 2
  readonly first: (random: SeededRandom) => number
  readonly next: (value: number, phase: FundedPhase, random: SeededRandom) => number
}

// Growth in ‰ per half-year: an investigation barely reaches users; construction and
// acceleration are when a service spreads (beta.gouv.fr, "mesures d'impact tous les 6 mois").
const GROWTH: Readonly<Record<FundedPhase, readonly [number, number]>> = {
  investigation: [1000, 1300],
  construction: [1300, 2600],
  acceleration: [1150, 1800],
}

const grow = (value: number, phase: FundedPhase, random: SeededRandom): number =>
  Math.floor((value * random.between(...GROWTH[phase])) / 1000)

const KINDS: readonly IndicatorKind[] = [
  {
    name: 'usagers actifs par mois',
    unit: 'usagers',
    decimals: 0,
    first: (random) => random.between(40, 600),
    next: grow,
  },
  {
    name: 'démarches déposées en ligne',
    unit: 'démarches',
    decimals: 0,
    first: (random) => random.between(100, 3000),
    next: grow,
  },
  {
    name: 'taux de satisfaction',
    unit: 'ratio',
    decimals: 2,
    first: (random) => random.between(55, 80),
    next: (value, _phase, random) => Math.min(97, value + random.between(-3, 8)),
  },
  {
    name: 'délai moyen de traitement',
    unit: 'jours',
    decimals: 1,
    first: (random) => random.between(150, 600),
    next: (value, _phase, random) =>
      Math.max(10, Math.floor((value * random.between(70, 98)) / 100)),
  },
  {
    name: 'part du public cible atteinte',
    unit: 'ratio',
    decimals: 2,
    first: (random) => random.between(1, 5),
    next: (value, phase, random) => Math.min(95, Math.max(value + 1, grow(value, phase, random))),
  },
]

/**
 * The impact a product measures every six months: one to three indicators chosen when the
 * product starts, each following its own trend from one measurement to the next.
 */
export class ImpactSeries {
  readonly #random: SeededRandom
  readonly #tracked: { readonly kind: IndicatorKind; value: number }[]

  /** Chooses the product's indicators and their starting values. */
  constructor(random: SeededRandom) {
    this.#random = random
    const left = [...KINDS]
    const count = random.between(1, 3)
    this.#tracked = []
    for (let n = 0; n < count; n++) {
      const [kind] = left.splice(random.between(0, left.length - 1), 1)
      this.#tracked.push({ kind: kind!, value: kind!.first(random) })
    }
  }

  /** The next measurement, after six months spent in `phase`. */
  measure(phase: FundedPhase): Indicator[] {
    return this.#tracked.map((tracked) => {
      tracked.value = tracked.kind.next(tracked.value, phase, this.#random)
      return {
        name: tracked.kind.name,
        value: decimal(tracked.value, tracked.kind.decimals),
        unit: tracked.kind.unit,
      }
    })
  }
}

/** `1234, 1` → `"123.4"`; `5, 2` → `"0.05"`. */
function decimal(value: number, decimals: 0 | 1 | 2): string {
  if (decimals === 0) return String(value)
  const digits = String(value).padStart(decimals + 1, '0')
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
}
