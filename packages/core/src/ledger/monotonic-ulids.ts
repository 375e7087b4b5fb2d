/** Crockford's base 32, the alphabet of ULIDs. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const TIME_LENGTH = 10
const RANDOM_LENGTH = 16
const TIME_MAX = 2 ** 48 - 1

/**
 * ULIDs that increase: 10 characters of milliseconds, then 16 of randomness drawn from `random`
 * (fractions in [0, 1)) for each new millisecond; within a millisecond, or when the clock goes
 * back, the last id's random part plus one, as the ULID specification's monotonic mode has it.
 * The time's characters are written once per millisecond and only the random characters that
 * change are written again: the `ulid` package encoded both in full for every id, 2.7 % of a
 * command in memory.
 */
export function monotonicUlids(random: () => number): (time: number) => string {
  let lastTime = -1
  let timeText = ''
  const digits = new Uint8Array(RANDOM_LENGTH)
  let randomText = ''
  return (time) => {
    if (!(Number.isInteger(time) && time >= 0 && time <= TIME_MAX)) {
      throw new RangeError(
        `A ULID's time is a whole number of milliseconds from 0 to ${TIME_MAX}; the clock gave ${time}.`,
      )
    }
    if (time > lastTime) {
      timeText = encodeTime(time)
      lastTime = time
      randomText = ''
      // Drawn from the last character to the first, as the `ulid` package draws them.
      for (let i = RANDOM_LENGTH - 1; i >= 0; i--) {
        digits[i] = Math.min(Math.floor(random() * 32), 31)
        randomText = BASE32[digits[i]!] + randomText
      }
    } else {
      let i = RANDOM_LENGTH - 1
      while (i >= 0 && digits[i] === 31) {
        digits[i] = 0
        i--
      }
      if (i < 0) {
        throw new RangeError(
          `More ULIDs were asked for in one millisecond (${lastTime}) than 80 random bits can number in order; wait for the next millisecond.`,
        )
      }
      digits[i]! += 1
      randomText = randomText.slice(0, i) + BASE32[digits[i]!] + '0'.repeat(RANDOM_LENGTH - 1 - i)
    }
    return timeText + randomText
  }
}

/** A time in milliseconds, checked by the caller, as 10 characters of base 32. */
function encodeTime(time: number): string {
  let text = ''
  let rest = time
  for (let i = 0; i < TIME_LENGTH; i++) {
    text = BASE32[rest % 32] + text
    rest = Math.floor(rest / 32)
  }
  return text
}
