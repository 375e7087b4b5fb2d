import type { IncomingMessage } from 'node:http'
import { problemReply, type HttpReply } from './http-reply.js'

/** The parsed JSON body of a request, or the reply that says why there is none. */
export type BodyReading =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reply: HttpReply }

/**
 * A body past the limit is still read, up to this many times the limit, and thrown away, so
 * that the client finishes sending and reads the 413; past that the connection is closed.
 */
const DRAIN_FACTOR = 8

/**
 * Reads a request body of at most `limitBytes` bytes and parses it as JSON: 415 unless the
 * content type is `application/json`, 413 past the limit, 400 for bytes that are not UTF-8 JSON.
 */
export function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<BodyReading> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (mediaType !== 'application/json') {
    request.resume()
    return Promise.resolve(
      refuse(
        415,
        'unsupported_media_type',
        `Expected Content-Type: application/json, found ${mediaType === '' ? 'none' : JSON.stringify(mediaType)}. Send the command as JSON with that header (curl: -H 'Content-Type: application/json').`,
      ),
    )
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const tooLarge = (close: boolean): BodyReading =>
      refuse(
        413,
        'body_too_large',
        `Expected a body of at most ${limitBytes} bytes, found ${close ? 'more than ' : ''}${size}. Send fewer commands per request, or split the batch.`,
        { limitBytes },
        close ? { Connection: 'close' } : undefined,
      )
    const stop = (): void => {
      request.off('data', onData)
      request.off('end', onEnd)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limitBytes) {
        chunks.push(chunk)
        return
      }
      chunks.length = 0
      if (size > limitBytes * DRAIN_FACTOR) {
        stop()
        request.pause()
        resolve(tooLarge(true))
      }
    }
    const onEnd = (): void => {
      stop()
      resolve(size > limitBytes ? tooLarge(false) : parseJson(Buffer.concat(chunks)))
    }
    request.on('data', onData)
    request.on('end', onEnd)
    // A client that goes away gets no answer; this only settles the promise.
    request.on('close', () =>
      resolve(refuse(400, 'request_aborted', 'The client closed the request before its end.')),
    )
  })
}

function parseJson(bytes: Buffer): BodyReading {
  if (bytes.length === 0) {
    return refuse(
      400,
      'malformed_json',
      'Expected a JSON body, found an empty one. Send the command as JSON.',
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return refuse(
      400,
      'malformed_json',
      'Expected a UTF-8 body, found bytes that are not UTF-8. Encode the JSON in UTF-8.',
    )
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return refuse(
      400,
      'malformed_json',
      `Expected a JSON body, but it does not parse: ${(error as Error).message}. Check the quoting and commas (a JSON linter names the spot).`,
    )
  }
}

function refuse(
  status: number,
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
  headers?: Readonly<Record<string, string>>,
): BodyReading {
  return { ok: false, reply: problemReply(status, code, message, details, headers) }
}
