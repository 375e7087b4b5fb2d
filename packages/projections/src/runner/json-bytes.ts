import { Buffer } from 'node:buffer'

const HEX = '0123456789abcdef'

/**
 * JSON text written as ASCII bytes into a growing buffer, then taken out as one flat string. A
 * checkpoint writes tens of megabytes of JSON: through `JSON.stringify` with a replacer, V8 calls
 * back into JavaScript for every value, and through string concatenation it builds ropes to flatten
 * later; bytes in a buffer need neither (ADR 13). Every character past `~` is written as a `\u`
 * escape, so the bytes are ASCII and read back as the same string.
 */
export class JsonBytes {
  #bytes = Buffer.allocUnsafe(1 << 17)
  #length = 0

  /** How many bytes were written since the last `take`. */
  get length(): number {
    return this.#length
  }

  /** The text written since the last `take`; the buffer is then empty again. */
  take(): string {
    const text = this.#bytes.toString('latin1', 0, this.#length)
    this.#length = 0
    return text
  }

  /** Writes one ASCII character by its code. */
  byte(code: number): void {
    if (this.#length === this.#bytes.length) this.#grow(1)
    this.#bytes[this.#length++] = code
  }

  /** Writes text that is already JSON in ASCII (punctuation, digits, `true`, `null`) as it is. */
  ascii(text: string): void {
    const end = this.#length + text.length
    if (end > this.#bytes.length) this.#grow(text.length)
    const bytes = this.#bytes
    for (let i = 0, at = this.#length; at < end; i++, at++) bytes[at] = text.charCodeAt(i)
    this.#length = end
  }

  /** Writes `text` as a JSON string, escaping quotes, backslashes, controls and non-ASCII. */
  string(text: string): void {
    const n = text.length
    if (this.#length + n + 2 > this.#bytes.length) this.#grow(n + 2)
    const bytes = this.#bytes
    let at = this.#length
    bytes[at++] = 0x22
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i)
      if (code < 0x20 || code === 0x22 || code === 0x5c || code > 0x7e) {
        this.#length = at
        this.#escaped(text, i)
        return
      }
      bytes[at++] = code
    }
    bytes[at++] = 0x22
    this.#length = at
  }

  /** The rest of `string` from `from` on, once a character needs an escape. */
  #escaped(text: string, from: number): void {
    const room = (text.length - from) * 6 + 1
    if (this.#length + room > this.#bytes.length) this.#grow(room)
    const bytes = this.#bytes
    let at = this.#length
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === 0x22 || code === 0x5c) {
        bytes[at++] = 0x5c
        bytes[at++] = code
      } else if (code >= 0x20 && code <= 0x7e) {
        bytes[at++] = code
      } else {
        bytes[at++] = 0x5c
        bytes[at++] = 0x75
        bytes[at++] = HEX.charCodeAt(code >> 12)
        bytes[at++] = HEX.charCodeAt((code >> 8) & 15)
        bytes[at++] = HEX.charCodeAt((code >> 4) & 15)
        bytes[at++] = HEX.charCodeAt(code & 15)
      }
    }
    bytes[at++] = 0x22
    this.#length = at
  }

  /** Makes room for `more` bytes after what was written. */
  #grow(more: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#length + more))
    this.#bytes.copy(bigger, 0, 0, this.#length)
    this.#bytes = bigger
  }
}
