import type { Target } from '../bench-plan.js'
import type { Sample } from '../measure/sample.js'
import { summarize, type Summary } from '../measure/summary.js'

/** A figure over all its runs, as `results.json` records it. */
export interface Figure extends Summary {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly better: 'higher' | 'lower'
  /** The same figure from CPU time, when the workload measured it. */
  readonly cpu?: Summary
  readonly target?: Target
  /** Whether the median meets the target. */
  readonly met?: boolean
}

function meets(value: number, target: Target): boolean {
  return (
    (target.min === undefined || value >= target.min) &&
    (target.max === undefined || value <= target.max)
  )
}

/** Groups samples by figure, in the order they first came, and summarizes each. */
export function figuresOf(
  samples: readonly Sample[],
  targets: Readonly<Record<string, Target>>,
): Figure[] {
  const byId = new Map<string, Sample[]>()
  for (const sample of samples) {
    const list = byId.get(sample.id) ?? []
    list.push(sample)
    byId.set(sample.id, list)
  }
  return [...byId].map(([id, list]) => {
    const first = list[0]!
    const summary = summarize(list.map((s) => s.value))
    const cpus = list.flatMap((s) => (s.cpu === undefined ? [] : [s.cpu]))
    const target = targets[id]
    return {
      id,
      label: first.label,
      unit: first.unit,
      better: first.better,
      ...summary,
      ...(cpus.length === list.length ? { cpu: summarize(cpus) } : {}),
      ...(target === undefined ? {} : { target, met: meets(summary.median, target) }),
    }
  })
}
