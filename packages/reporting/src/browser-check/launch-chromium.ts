import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Where the tests look for Chromium: `PLAFOND_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.PLAFOND_CHROMIUM ?? '/usr/bin/chromium'
}

/**
 * Flags for a quiet headless Chromium in a container: no sandbox (no user namespaces there), no
 * GPU, and none of the background traffic (updates, sync, QUIC probes) a test must not make.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const

/** Whether the browser tests can run here, and if not, why and what to do. */
export type ChromiumAvailability =
  | { readonly available: true; readonly path: string }
  | { readonly available: false; readonly path: string; readonly reason: string }

/**
 * Looks for Chromium. Missing, it says how to install it. Under `CI=true` a missing browser is a
 * failure, not a skip: CI installs it (`.ci/run`), so its absence there is a broken setup.
 */
export function findChromium(): ChromiumAvailability {
  const path = chromiumPath()
  if (existsSync(path)) return { available: true, path }
  const reason = `Chromium not found at ${path}: install Debian's chromium (\`apt-get install chromium\`) or point PLAFOND_CHROMIUM at a Chromium or Chrome binary. CI installs it in .ci/run.`
  if (process.env.CI === 'true')
    throw new Error(`${reason} Under CI=true the browser test must run.`)
  return { available: false, path, reason }
}

/** Launches the headless Chromium found by `findChromium`. */
export async function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({ executablePath: path, headless: true, args: [...CHROMIUM_ARGS] })
}
