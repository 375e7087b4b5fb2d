import type { ModelRateTables } from './ledger-model.js'
import { wireCents } from './wire-amount.js'

/**
 * The EU threshold R2194-8 measures against on `date`, in cents: the latest period begun by then,
 * else the earliest one.
 */
export function modelEuThreshold(tables: ModelRateTables, date: string): bigint {
  const periods = [...tables.euThresholds].sort((a, b) => (a.from < b.from ? -1 : 1))
  const inForce = periods.filter((period) => period.from <= date).pop() ?? periods[0]
  if (!inForce) throw new Error('The model was given no EU threshold.')
  return wireCents(inForce.amount)!
}
