/**
 * Which kind of party an invented SIRET is for: the SIREN prefix differs, so that a public
 * body's number and a firm's never collide.
 */
export type SiretKind = 'public-body' | 'holder'

const PREFIX: Readonly<Record<SiretKind, string>> = { 'public-body': '180', holder: '980' }

/**
 * An invented SIRET that passes the checks a real one passes: its SIREN (first 9 digits) and all
 * 14 digits satisfy Luhn. `serial` (0 to 99 999) makes it unique within its kind. The numbers
 * name no real establishment on purpose: every amount in this example is synthetic, and no real
 * body or supplier may be given invented spend.
 */
export function syntheticSiret(kind: SiretKind, serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999) {
    throw new RangeError(`Expected a serial from 0 to 99999, found ${serial}.`)
  }
  const sirenPayload = `${PREFIX[kind]}${String(serial).padStart(5, '0')}`
  const siren = `${sirenPayload}${luhnCheckDigit(sirenPayload)}`
  // The NIC: establishment number 0001 (the head office), then the digit that makes 14 pass.
  const siretPayload = `${siren}0001`
  return `${siretPayload}${luhnCheckDigit(siretPayload)}`
}

/**
 * The digit that, appended to `payload`, makes it pass Luhn: from the right, every second digit
 * of the payload (starting with its last) is doubled, 9 taken off when that passes 9.
 */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) {
    throw new RangeError(`Expected digits only, found ${JSON.stringify(payload)}.`)
  }
  let sum = 0
  for (let i = 0; i < payload.length; i++) {
    const digit = Number(payload[payload.length - 1 - i])
    const doubled = i % 2 === 0 ? digit * 2 : digit
    sum += doubled > 9 ? doubled - 9 : doubled
  }
  return (10 - (sum % 10)) % 10
}
