/** config/settings/problem-template: the `problem.type` template of the configuration and an entry in, the entry's problem type URI (RFC 9457 `type`) out; and what is wrong with a template (an unknown placeholder, no `{code}` or `{name}`, not an absolute URI) as reasons. */

import type {ProblemSettings} from '../../types.js'

/** What a template's placeholders are filled from. */
export interface TypedEntry {
  readonly code: number | string
  readonly name: string
  /** The heading above the entry's table. */
  readonly group: string | undefined
}

/** The placeholders a template may use. */
const placeholders = ['code', 'name', 'heading'] as const

/** A placeholder as written: `{` and `}` around anything but braces. */
const placeholderPattern = /\{([^{}]*)\}/g

/**
 * An absolute URI as RFC 3986 writes one: a scheme, `:`, then only characters a URI may hold (percent-escapes
 * complete), with at most one `#`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-4.3
 */
const absoluteUriPattern = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*)?$/

/** The problem type URI of an entry: the template with its placeholders filled, each value percent-encoded. */
export function problemType(settings: ProblemSettings, entry: TypedEntry): string {
  return settings.type.replace(placeholderPattern, (_, name: string) => encodeURIComponent(placeholderValue(name, entry)))
}

/** The problem type URI of an entry, or undefined when the problem form is off. */
export function problemTypeOrUndefined(settings: ProblemSettings | undefined, entry: TypedEntry): string | undefined {
  return settings === undefined ? undefined : problemType(settings, entry)
}

function placeholderValue(name: string, entry: TypedEntry): string {
  if (name === 'code') return String(entry.code)
  if (name === 'name') return entry.name
  return headingSlug(entry.group ?? '')
}

/**
 * The anchor GitHub and most documentation sites give a heading: lower case, punctuation dropped, spaces as `-`
 * (`Rate limits & quotas` → `rate-limits--quotas`).
 */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** What is wrong with a template, as messages about `problem.type`; none when every code gets a URI of its own. */
export function problemTemplateProblems(template: string): Array<string> {
  const problems: Array<string> = []
  const used = [...template.matchAll(placeholderPattern)].map((match) => match[1] ?? '')
  for (const name of used.filter((name) => !(placeholders as ReadonlyArray<string>).includes(name))) {
    problems.push('Unexpected placeholder `{' + name + '}` in `problem.type`, expected `{code}`, `{name}` or `{heading}`')
  }
  if (!used.includes('code') && !used.includes('name')) {
    problems.push('Unexpected template `' + template + '` for `problem.type`, expected `{code}` or `{name}` in it: each code needs a problem type of its own')
  }
  const sample = template.replace(placeholderPattern, (written, name: string) => ((placeholders as ReadonlyArray<string>).includes(name) ? 'x' : written))
  if (!absoluteUriPattern.test(sample)) {
    problems.push('Unexpected template `' + template + '` for `problem.type`, expected an absolute URI such as `https://docs.example.com/errors#{code}`')
  }
  return problems
}
