/** formats: nothing in, the names of the formats diagnostics can be printed in out (kept apart from the reporter, so that the fast path parses flags without loading it). */

/** Every format, the default first. */
export const formats = ['text', 'stylish', 'json', 'github'] as const

/** How diagnostics are printed: one line each, vfile-reporter's table, JSON, or GitHub Actions annotations. */
export type Format = (typeof formats)[number]
