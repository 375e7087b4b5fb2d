import { GENESIS_HASH, hashEvent, type LogHead, type RecordedEvent } from '@plafond/core'
import { assert } from 'vitest'

const POSITION = /^[1-9][0-9]*$/

/**
 * Follows a log from its first event, one event at a time, and fails the test at the first event
 * that breaks the contract: a position that is not a decimal string or does not increase, a
 * `prevHash` that is not the previous hash, a hash that does not match the content, or a stream
 * version that is not the stream's next. It keeps only the last event, so it can walk any log.
 */
export class ChainChecker {
  #previousHash = GENESIS_HASH
  #previousPosition = 0n
  readonly #versions = new Map<string, number>()
  #count = 0
  #last: LogHead | undefined

  /** How many events were checked. */
  get count(): number {
    return this.#count
  }

  /** The last checked event's position and hash, or undefined before the first. */
  get last(): LogHead | undefined {
    return this.#last
  }

  /** Checks that `event` is the next event of an intact log. */
  check(event: RecordedEvent): void {
    const at = `event #${this.#count + 1} (position ${String(event.position)}, stream ${event.stream})`
    if (typeof event.position !== 'string' || !POSITION.test(event.position)) {
      assert.fail(
        `${at}: expected the position to be a decimal string of a positive integer, found ${JSON.stringify(event.position)} (${typeof event.position}).`,
      )
    }
    const position = BigInt(event.position)
    if (position <= this.#previousPosition) {
      assert.fail(
        `${at}: expected a position above ${this.#previousPosition.toString()} (positions strictly increase in the log), found ${event.position}.`,
      )
    }
    if (event.prevHash !== this.#previousHash) {
      assert.fail(
        `${at}: expected prevHash ${this.#previousHash} (the previous event's hash${this.#count === 0 ? ', GENESIS_HASH for the first event' : ''}), found ${event.prevHash}.`,
      )
    }
    const hash = hashEvent(event)
    if (hash !== event.hash) {
      assert.fail(
        `${at}: expected hashEvent(event) to equal event.hash, found ${hash} vs ${event.hash}: the store changed the content it hashed, or hashed something else.`,
      )
    }
    const expectedVersion = (this.#versions.get(event.stream) ?? 0) + 1
    if (event.version !== expectedVersion) {
      assert.fail(
        `${at}: expected stream version ${expectedVersion}, found ${JSON.stringify(event.version)} (${typeof event.version}).`,
      )
    }
    this.#versions.set(event.stream, event.version)
    this.#previousHash = event.hash
    this.#previousPosition = position
    this.#last = { position: event.position, hash: event.hash }
    this.#count += 1
  }
}
