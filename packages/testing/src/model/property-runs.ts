/** The environment variable that sets how many runs each property makes (for nightly, deeper runs). */
export const PROPERTY_RUNS_VARIABLE = 'PLAFOND_PROPERTY_RUNS'

/**
 * How many runs a property makes: `defaultRuns`, chosen so that each test file runs in a few
 * seconds, or `PLAFOND_PROPERTY_RUNS` when it is set higher (it raises, never lowers, so that
 * assertions on what the default runs meet still hold).
 */
export function propertyRuns(defaultRuns: number): number {
  const raw = process.env[PROPERTY_RUNS_VARIABLE]
  if (raw === undefined || raw === '') return defaultRuns
  const runs = Number(raw)
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(
      `Expected ${PROPERTY_RUNS_VARIABLE} to be a positive integer, found ${JSON.stringify(raw)}. Unset it to use each property's default.`,
    )
  }
  return Math.max(runs, defaultRuns)
}
