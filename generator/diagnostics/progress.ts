/** progress: the stages of a run and the rows read in, one updating line on an interactive terminal out — shown only when the run takes longer than a second, and cleared before anything else is printed. */

/** What a run tells about its progress. */
export interface Progress {
  /** The stage the run is in now: `parsing the documents`. */
  stage(name: string): void
  /** How many rows were read so far. */
  rowsRead(count: number): void
  /** The run ended, or is about to print: clear the line. */
  end(): void
}

/** The timers the line uses (tests give their own). */
export interface Timers {
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: never) => void
  readonly now: () => number
}

/** How long a run goes before the line is shown, and how often it is redrawn. */
const showAfterMs = 1000
const redrawEveryMs = 100

/**
 * How long a run goes before the line is shown: a second, or the milliseconds `ERRGEN_PROGRESS_AFTER_MS` gives (a
 * test of the line on a real terminal sets 0, so that it needs no run long enough to pass a second).
 */
export function showAfter(env: Readonly<Record<string, string | undefined>>): number {
  const value = env['ERRGEN_PROGRESS_AFTER_MS']
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : showAfterMs
}

/** Progress that shows nothing: not a terminal, in CI, or `--quiet`. */
export const silent: Progress = {stage() {}, rowsRead() {}, end() {}}

/**
 * Progress as one line on a terminal: `errgen: parsing the documents, 12,350 rows read`, redrawn in place (`\r`,
 * then erase to the end of the line) at most every tenth of a second, from one second into the run.
 *
 * @param write writes to the terminal (stderr)
 * @param after milliseconds into the run the line is first shown
 */
export function terminalProgress(write: (text: string) => void, timers: Timers = defaultTimers, after = showAfter(process.env)): Progress {
  let stage = 'starting'
  let rows = 0
  let shown = false
  let drawnAt = -Infinity
  let ended = false
  const draw = () => {
    shown = true
    drawnAt = timers.now()
    write('\r' + lineOf(stage, rows) + '\u001B[K')
  }
  const timer = timers.setTimeout(() => {
    if (!ended) draw()
  }, after)
  const update = () => {
    if (shown && timers.now() - drawnAt >= redrawEveryMs) draw()
  }
  return {
    stage(name) {
      stage = name
      if (shown) draw()
    },
    rowsRead(count) {
      rows = count
      update()
    },
    end() {
      ended = true
      timers.clearTimeout(timer as never)
      if (shown) write('\r\u001B[K')
      shown = false
    }
  }
}

/** `errgen: parsing the documents, 12,350 rows read` */
export function lineOf(stage: string, rows: number): string {
  return 'errgen: ' + stage + (rows > 0 ? ', ' + rows.toLocaleString('en-US') + ' rows read' : '')
}

/** Whether the environment is a CI service's (`CI` set, as every major one does, and not `false` or `0`). */
export function inCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['CI']
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle),
  now: () => performance.now()
}
