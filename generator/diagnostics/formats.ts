/** formats: nothing in, the names of the formats diagnostics can be printed in out (kept apart from the reporter, so that the fast path parses flags without loading it). */

/** Every format, the default first. */
export const formats = ['text', 'stylish', 'json', 'github', 'markdown'] as const

/** How diagnostics are printed: one line each, vfile-reporter's table, JSON, or GitHub Actions annotations; `markdown` prints the release notes of `--against` instead (and the diagnostics as text). */
export type Format = (typeof formats)[number]
