/** params/types: nothing in, the types of message parameters out — the placeholder syntaxes, a parameter, a template and an entry's templates. */

/** The placeholder syntaxes a page uses: `{name}` and `{{name}}` (braces), `%s` and `%d` (printf). */
export type ParamSyntax = 'braces' | 'printf'

/** A parameter of a message: its name (printf's by position: `arg1`), and its type (`text` for a brace, string or number). */
export interface MessageParam {
  readonly name: string
  readonly type: 'text' | 'string' | 'integer'
}

/**
 * A text with parameters: literal texts and parameter names alternating, a literal first and last
 * (`['Rate limit of ', 'limit', ' requests exceeded']`).
 */
export type Template = readonly string[]

/** An entry's message and resolve text as templates (a text without parameters is a template of one literal). */
export interface EntryTemplates {
  readonly message: Template
  readonly resolve: Template | undefined
}
