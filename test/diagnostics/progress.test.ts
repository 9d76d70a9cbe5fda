/** progress: the terminal line of a long run — nothing in its first second, then the stage and the rows read redrawn in place at most every tenth of a second, and cleared at the end; CI is recognised by its `CI` variable. */
import {describe, expect, test} from 'vitest'
import {inCi, lineOf, showAfter, terminalProgress, type Timers} from '../../generator/diagnostics/progress.js'

/** Timers driven by hand: `advance(ms)` moves the clock and runs what is due. */
function manualTimers(): Timers & {advance(ms: number): void} {
  let now = 0
  const pending: Array<{at: number, callback: () => void, cleared: boolean}> = []
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const timer = {at: now + ms, callback, cleared: false}
      pending.push(timer)
      return timer
    },
    clearTimeout: (handle) => {
      ;(handle as {cleared: boolean}).cleared = true
    },
    advance(ms) {
      now += ms
      for (const timer of pending.filter((item) => item.at <= now && !item.cleared)) {
        timer.cleared = true
        timer.callback()
      }
    }
  }
}

describe('terminalProgress', () => {
  test('a run shorter than a second prints nothing', () => {
    let written = ''
    const timers = manualTimers()
    const progress = terminalProgress((text) => (written += text), timers)
    progress.stage('parsing the documents')
    progress.rowsRead(500)
    timers.advance(900)
    progress.end()
    timers.advance(1000)
    expect(written).toBe('')
  })

  test('a longer run shows its stage and rows on one line, redrawn at most every 100 ms, and clears it', () => {
    const writes: Array<string> = []
    const timers = manualTimers()
    const progress = terminalProgress((text) => writes.push(text), timers)
    progress.stage('parsing the documents')
    progress.rowsRead(50)
    timers.advance(1000)
    progress.rowsRead(100)
    timers.advance(150)
    progress.rowsRead(12_350)
    progress.stage('generating the outputs')
    progress.end()
    expect(writes).toEqual([
      '\rerrgen: parsing the documents, 50 rows read\u001B[K',
      '\rerrgen: parsing the documents, 12,350 rows read\u001B[K',
      '\rerrgen: generating the outputs, 12,350 rows read\u001B[K',
      '\r\u001B[K'
    ])
  })

  test('the line without rows, and CI recognised by its variable', () => {
    expect(lineOf('reading the documents', 0)).toBe('errgen: reading the documents')
    expect([inCi({CI: 'true'}), inCi({CI: '1'}), inCi({CI: 'false'}), inCi({CI: '0'}), inCi({CI: ''}), inCi({})]).toEqual([true, true, false, false, false, false])
  })

  test('the line shows after a second, or after the milliseconds ERRGEN_PROGRESS_AFTER_MS gives', () => {
    expect(showAfter({})).toBe(1000)
    expect([showAfter({ERRGEN_PROGRESS_AFTER_MS: '0'}), showAfter({ERRGEN_PROGRESS_AFTER_MS: '250'})]).toEqual([0, 250])
    expect([showAfter({ERRGEN_PROGRESS_AFTER_MS: ''}), showAfter({ERRGEN_PROGRESS_AFTER_MS: '-1'}), showAfter({ERRGEN_PROGRESS_AFTER_MS: 'soon'})]).toEqual([1000, 1000, 1000])
    let written = ''
    const timers = manualTimers()
    const progress = terminalProgress((text) => (written += text), timers, 0)
    progress.stage('reading the documents')
    timers.advance(0)
    progress.end()
    expect(written).toBe('\rerrgen: reading the documents\u001B[K\r\u001B[K')
  })
})
