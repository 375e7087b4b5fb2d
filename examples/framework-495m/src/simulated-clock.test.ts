import { describe, expect, it } from 'vitest'
import { simulatedClock } from './simulated-clock.js'

describe('simulatedClock', () => {
  it('shows the simulated day, late in the afternoon', () => {
    const clock = simulatedClock('2025-10-01')
    expect(clock.now().toISOString()).toBe('2025-10-01T16:00:00.000Z')
    clock.setDay('2026-03-02')
    expect(clock.now().toISOString()).toBe('2026-03-02T16:00:00.000Z')
  })

  it('gives ULID-shaped ids that sort in the order they were given, across days', () => {
    const clock = simulatedClock('2025-10-01')
    const ids = [clock.newId(), clock.newId()]
    clock.setDay('2025-10-02')
    ids.push(clock.newId())
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(3)
  })

  it('gives the same ids on every run', () => {
    const ids = (): string[] => {
      const clock = simulatedClock('2025-10-01')
      return [clock.newId(), clock.newId()]
    }
    expect(ids()).toEqual(ids())
  })

  it('refuses to go back in time', () => {
    const clock = simulatedClock('2026-01-05')
    expect(() => clock.setDay('2026-01-04')).toThrow(/move forward/)
    expect(() => clock.setDay('someday')).toThrow(/YYYY-MM-DD/)
  })
})
