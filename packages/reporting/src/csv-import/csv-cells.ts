import { isBusinessDate, isId, isMoneyString, isSignedMoneyString, isSiret } from '@plafond/core'
import { parseThresholds, type ThresholdsValue } from './alert-thresholds-cell.js'
import type { CsvValueType } from './csv-columns.js'
import type { CsvDialectRules } from './csv-dialect.js'
import { parseIndicators, type IndicatorValue } from './impact-indicators-cell.js'

/** A cell's value as a command takes it. */
export type CellValue = string | number | readonly IndicatorValue[] | ThresholdsValue

/** A cell read, or why it could not be. */
export type CellReading = { readonly value: CellValue } | { readonly reason: string }

function amount(raw: string, rules: CsvDialectRules, signed: boolean): CellReading {
  const other = rules.decimalMark === '.' ? ',' : '.'
  const example = signed ? `-1500${rules.decimalMark}25` : `1234${rules.decimalMark}56`
  if (raw.includes(other) || /\s/.test(raw)) {
    return {
      reason: `expected an amount such as ${example}, with "${rules.decimalMark}" before the cents and no thousands separator, found ${JSON.stringify(raw)}.`,
    }
  }
  const wire = rules.decimalMark === ',' ? raw.replace(',', '.') : raw
  const valid = signed ? isSignedMoneyString(wire) : isMoneyString(wire)
  if (!valid) {
    return {
      reason: `expected ${signed ? 'a signed amount' : 'an amount'} such as ${example} (at most 13 digits before "${rules.decimalMark}" and 2 after${signed ? '' : ', no sign'}), found ${JSON.stringify(raw)}.`,
    }
  }
  return { value: wire }
}

/**
 * Reads a non-empty cell of a column of `type`: amounts become wire amounts (`"1234.56"`),
 * integers numbers, indicators and thresholds their objects; ids, dates and SIRETs are checked.
 * `signed` makes an amount a signed change (a modification's `amount`).
 */
export function readCell(
  type: CsvValueType,
  raw: string,
  rules: CsvDialectRules,
  signed = false,
): CellReading {
  switch (type) {
    case 'text':
      return { value: raw }
    case 'id':
      return isId(raw)
        ? { value: raw }
        : {
            reason: `expected an id of 1 to 64 characters from A-Z a-z 0-9 . _ : -, found ${JSON.stringify(raw)}.`,
          }
    case 'date':
      return isBusinessDate(raw)
        ? { value: raw }
        : { reason: `expected a real date written YYYY-MM-DD, found ${JSON.stringify(raw)}.` }
    case 'siret':
      return isSiret(raw)
        ? { value: raw }
        : {
            reason: `expected a SIRET: 14 digits passing the Luhn check (La Poste: digit sum a multiple of 5), found ${JSON.stringify(raw)}. Check it on annuaire-entreprises.data.gouv.fr.`,
          }
    case 'amount':
    case 'signed-amount':
      return amount(raw, rules, signed || type === 'signed-amount')
    case 'integer':
      return /^\d{1,9}$/.test(raw)
        ? { value: Number(raw) }
        : { reason: `expected a whole number such as 12, found ${JSON.stringify(raw)}.` }
    case 'indicators': {
      const parsed = parseIndicators(raw, rules.decimalMark)
      return 'reason' in parsed ? parsed : { value: parsed.indicators }
    }
    case 'thresholds': {
      const parsed = parseThresholds(raw)
      return 'reason' in parsed ? parsed : { value: parsed.thresholds }
    }
  }
}

/** Writes a wire amount (`"1234.56"`, `"-12.00"`) with the dialect's decimal mark. */
export function writeAmount(wire: string, rules: CsvDialectRules): string {
  return rules.decimalMark === ',' ? wire.replace('.', ',') : wire
}
