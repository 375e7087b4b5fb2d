import { isSiren, isSiret } from '@plafond/core'

/**
 * A synthetic SIRET that passes the checks a real one passes: its SIREN (first 9 digits) and the
 * whole 14 digits both satisfy Luhn. `prefix` (3 digits) and `serial` (0 to 99 999) make it
 * unique within the history; the numbers are invented and name no real establishment on purpose.
 */
export function syntheticSiret(prefix: string, serial: number): string {
  if (!/^\d{3}$/.test(prefix) || prefix === '356') {
    // 356 is La Poste's SIREN prefix, whose establishments follow another rule.
    throw new RangeError(
      `Expected a 3-digit prefix other than 356, found ${JSON.stringify(prefix)}.`,
    )
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999) {
    throw new RangeError(`Expected a serial from 0 to 99999, found ${serial}.`)
  }
  const siren = withCheckDigit(`${prefix}${String(serial).padStart(5, '0')}`, isSiren)
  // NIC: a 4-digit establishment number, then the digit that makes all 14 digits pass Luhn.
  return withCheckDigit(`${siren}0001`, isSiret)
}

function withCheckDigit(payload: string, valid: (value: string) => boolean): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${payload}${digit}`
    if (valid(candidate)) return candidate
  }
  throw new Error(`No check digit makes ${payload} valid; Luhn always has one.`)
}
