import type { Browser, Page } from 'playwright-core'

/** A page that may load one document and nothing else, and the requests it tried to make. */
export interface OfflinePage {
  readonly page: Page
  /** Every request other than the document's own, in order: a self-contained page makes none. */
  readonly attempted: readonly string[]
  /** Console errors and uncaught exceptions, from before the document loads (a CSP refusal is one). */
  readonly errors: readonly string[]
  readonly close: () => Promise<void>
}

/** Options of `openOffline`. */
export interface OfflineOptions {
  readonly viewport: { readonly width: number; readonly height: number }
}

/**
 * Opens `url` (a `file:` URL) in a fresh context that is offline and routes every request to an
 * abort, except the document itself; requests are recorded whether or not the route saw them,
 * so a test can assert that the page tried to load nothing. Console errors are recorded from
 * before the navigation, since a page without script reports its faults only while loading.
 */
export async function openOffline(
  browser: Browser,
  url: string,
  options: OfflineOptions,
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport: { ...options.viewport },
    offline: true,
    javaScriptEnabled: true,
  })
  const attempted: string[] = []
  context.on('request', (request) => {
    if (request.url() !== url) attempted.push(request.url())
  })
  await context.route('**/*', async (route) => {
    if (route.request().url() === url) await route.continue()
    else await route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url, { waitUntil: 'load' })
  return { page, attempted, errors, close: () => context.close() }
}
