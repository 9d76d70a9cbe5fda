/** severity: nothing in, the shape of a rule of errgen's registry out — its severity, whether it is a breaking change, whether the configuration may adjust it, its meaning and an example message. */

/** How a rule's messages count: an error stops generation, a warning is reported, info is a note. */
export type Severity = 'error' | 'warning' | 'info'

/** One rule of errgen's. */
export interface Rule {
  readonly severity: Severity
  /** A breaking change of the API contract: an error, or a warning under `--allow-breaking`. */
  readonly breaking?: true
  /** The configuration's `rules` may turn it off or set its severity: never a rule whose errors protect the data. */
  readonly adjustable?: true
  /** What it means, in one line (the README's "meaning" column). */
  readonly meaning: string
  /** A message it really prints, word for word (a fixture or a test asserts it). */
  readonly example: string
}
