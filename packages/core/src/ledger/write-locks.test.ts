import { describe, expect, it } from 'vitest'
import { WriteLocks } from './write-locks.js'

/** Lets every queued promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('WriteLocks', () => {
  it('locks free keys at once, and refuses held ones until they are released', () => {
    const locks = new WriteLocks()
    const release = locks.tryStreams(['a', 'b', 'a'])
    expect(release).toBeDefined()
    expect(locks.tryStreams(['b'])).toBeUndefined()
    expect(locks.tryStreams(['c'])).toBeDefined()
    release!()
    release!() // a second call does nothing
    expect(locks.tryStreams(['a', 'b'])).toBeDefined()
  })

  it('hands a held key to its waiters in arrival order', async () => {
    const locks = new WriteLocks()
    const first = locks.tryStreams(['k'])!
    const order: string[] = []
    const second = locks.streams(['k']).then((release) => {
      order.push('second')
      return release
    })
    const third = locks.streams(['k', 'j']).then((release) => {
      order.push('third')
      return release
    })
    await settle()
    expect(order).toEqual([])
    first()
    ;(await second)()
    ;(await third)()
    expect(order).toEqual(['second', 'third'])
    expect(locks.tryStreams(['k', 'j'])).toBeDefined()
  })

  it('keeps every stream waiting while a batch holds everything, and the batch waits for them', async () => {
    const locks = new WriteLocks()
    const command = locks.tryStreams(['s'])!
    let batchIn = false
    const batch = locks.everything().then((release) => {
      batchIn = true
      return release
    })
    await settle()
    expect(batchIn).toBe(false)
    expect(locks.tryStreams(['other'])).toBeUndefined()
    command()
    const releaseBatch = await batch
    expect(batchIn).toBe(true)
    let commandIn = false
    const next = locks.streams(['other']).then((release) => {
      commandIn = true
      return release
    })
    await settle()
    expect(commandIn).toBe(false)
    releaseBatch()
    releaseBatch()
    ;(await next)()
    expect(commandIn).toBe(true)
  })

  it('lets a command lock one more stream while it holds others', async () => {
    const locks = new WriteLocks()
    const held = locks.tryStreams(['contract'])!
    const framework = await locks.stream('framework')
    expect(locks.tryStreams(['framework'])).toBeUndefined()
    framework()
    held()
    expect(locks.tryStreams(['framework', 'contract'])).toBeDefined()
  })
})
