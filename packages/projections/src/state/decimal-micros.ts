/** A decimal in millionths: impact indicators and forecast factors carry at most six decimals. */
export type Micros = bigint

const VALUE = /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/

/**
 * Reads a decimal such as an indicator value (`"1250"`, `"0.85"`, `"-3.5"`) as millionths. Throws
 * a `RangeError` naming the expected format for anything else.
 */
export function parseMicros(value: string): Micros {
  const match = VALUE.exec(value)
  if (!match) {
    throw new RangeError(
      `Expected a decimal such as "1250" or "0.85" (at most six decimals), found ${JSON.stringify(value)}.`,
    )
  }
  const micros = BigInt(match[2]!) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'))
  return match[1] === '-' ? -micros : micros
}

/** Writes millionths back as a decimal, without trailing zeros (`1500000n` → `"1.5"`). */
export function formatMicros(micros: Micros): string {
  const negative = micros < 0n
  const abs = negative ? -micros : micros
  const units = (abs / 1_000_000n).toString()
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${units}${fraction === '' ? '' : `.${fraction}`}`
}
