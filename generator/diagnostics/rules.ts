/** rules: nothing in, the registry of errgen's rules out — each rule id with its severity, its one-line meaning and an example message; a diagnostic can only be raised with an id from here, and the README's table is checked against it. */

import {contractRules} from './contract-rules.js'
import type {Rule, Severity} from './severity.js'

export type {Rule, Severity} from './severity.js'

/** Every rule, in the order the README lists them. */
export const rules = {
  'invalid-utf8': {
    severity: 'error',
    meaning: 'a byte sequence that is not UTF-8, one error each (line, column, byte offset and the bytes); the rest of the document is still checked',
    example: 'Unexpected byte 0xE9 at byte offset 154, expected UTF-8 text'
  },
  'oversized-line': {
    severity: 'error',
    meaning: 'a line over 100,000 characters, a paragraph or a table row with over 1,000 emphasis, link and code markers (`*`, `_`, `~`, `[`, `]`, backticks), a document with over 100,000 outside its tables\' rows, or a line nested more than 256 columns deep (indentation, `>` and list markers): markdown parsing slows down quadratically on such text, so the document is reported and not parsed (the remark plugin applies the same limits, and refuses a document over the 64 MiB the command reads)',
    example: 'Unexpected line with 50000 emphasis, link and code markers, expected at most 1000: markdown parsing slows down quadratically on such lines, so this document is not read; break the line up'
  },
  'no-table': {
    severity: 'error',
    meaning: 'the document has no error table: none with a Code column and another column errgen reads, or a header naming three of the HTTP, Code, Message and Resolve columns (tables inside code blocks are text); placed at the table it names, when it names one; with `headings`, the message names the document\'s headings; also a run whose documents give no code at all',
    example: 'Unexpected document without an error table, expected a table with a Code column and a Message column (or Description, Meaning, Text)'
  },
  'malformed-table': {
    severity: 'error',
    meaning: 'a line like an error-table header without a matching delimiter row below it: GFM reads it as text, and its rows would be lost',
    example: 'Unexpected delimiter row with 4 cells below a header of 5, expected one per column: GFM reads this as text, not as a table'
  },
  'interrupted-table': {
    severity: 'error',
    meaning: 'a line that reads as a row of an error table (its pipes and a code-like cell in the Code column, once block-quote, list and heading markers, indentation and an HTML comment around it are removed) but that GFM does not read as one: a block quote, a list item, text after a blank line or another block ended the table, a code or HTML block, a heading, a table whose header is a row; the message names what holds it and how many rows from there would be lost (a closed code or HTML block that text other than rows separates from the table above is a sample, and allowed)',
    example: 'Unexpected HTML comment between the rows of the table at 3:1, expected table rows: GFM ends the table there, and the 3 rows from line 6 would be lost; a row cannot be commented out: delete it, or deprecate it by striking its message through'
  },
  'empty-table': {
    severity: 'error',
    meaning: 'an error table with a header and no row (unless its rows are reported as lost): it documents no error',
    example: 'Unexpected error table without rows, expected a row below its delimiter row: a table that documents no error is lost'
  },
  'missing-column': {
    severity: 'error',
    meaning: 'an error table lacks a Code or Message column, or lacks an HTTP or Resolve column that another table has (unless `optionalColumns` lets tables differ in it); the message names each header cell and the column it is read as',
    example: 'Missing Resolve column in error table, expected it as in the table at 5:1 (or `"optionalColumns": ["resolve"]`); found Code, Description (read as message)'
  },
  'duplicate-column': {
    severity: 'error',
    meaning: 'two header cells read as one column (`Error Code` and `Error`): names both cells, the column and the `columns` entry that settles it (for two cells of one text: rename one); the table is still read meanwhile, the column kept by the cell whose cells fit it best and the other read by what it holds, so the page\'s other errors show in the same run',
    example: 'Unexpected header cells `Error Code` (7:3) and `Error` (7:27) both read as the Code column, expected each column once: say which is which with "columns": {"Error": "name"} in the configuration; meanwhile the rows are checked with `Error Code` as the Code column and `Error` as the Name column, by its content'
  },
  'ambiguous-columns': {
    severity: 'error',
    meaning: 'columns no header names can be read more than one way by what they hold (two columns of unique integers; unique HTTP statuses beside identifiers): names them and a `columns` configuration that settles it; the table is not read',
    example: 'Unexpected table whose columns can be read more than one way by what they hold: `Foutcode` and `Nr` could each be the code (unique integers); expected one reading: say which column is which with "columns": {"Foutcode": "code", "Nr": "ignore"} in the configuration'
  },
  'inferred-columns': {
    severity: 'info', adjustable: true,
    meaning: 'a table read in part by what its columns hold (no header names them), or a named column not read because its cells are not what its name says (a `Status` of payment states, a glossary\'s `Error` column of phrases): names each such column and the `columns` configuration that reads it so whatever it holds',
    example: 'Columns read by what their cells hold: Status (not read: its cells are not HTTP statuses); to read them so whatever the cells hold, add "columns": {"Status": "ignore"} to the configuration'
  },
  'cell-count': {
    severity: 'error',
    meaning: 'a row has more or fewer cells than its header (GFM would pad or drop them silently); for more, the message hints that a literal pipe is written with a backslash before it',
    example: 'Unexpected row with 3 cells, expected 4: missing Resolve'
  },
  'invalid-code': {
    severity: 'error',
    meaning: 'an empty code; in an integer catalog a code that is not an integer from −(2^53 − 1) to 2^53 − 1, has leading zeros, is `-0` or a range (`-32000 to -32099`, with a hint); a cell of punctuation only (`-`, `—`, `*`); in a string catalog a code with white space or an invisible character (a zero-width space); a code an enabled output cannot hold (`$comment`, the lookup dictionary\'s notice key)',
    example: 'Unexpected code `10O1`, expected an integer'
  },
  'several-codes': {
    severity: 'error',
    meaning: 'a Code cell that lists several codes (between `<br>`, `,`, ` / `, or `/` between integers): one code per row; each still counts, so a code listed alone elsewhere too is a `duplicate-code`',
    example: 'Unexpected 4 codes in one cell (`1001`, `1002`, `1003`, `1004`), expected one code per row: give each code a row of its own'
  },
  'invalid-status': {
    severity: 'error',
    meaning: 'an HTTP cell that is not an integer from 100 to 599, with or without its reason phrase (`403`, `403 Forbidden`, `403 (Forbidden)`, `HTTP 403` are read); a status class (`4xx`) says so, with a hint; where the configuration names the HTTP column, also a cell of `-`, `N/A` or nothing',
    example: 'Unexpected HTTP status `4O4`, expected an integer from 100 to 599'
  },
  'no-status': {
    severity: 'info', adjustable: true,
    meaning: 'an HTTP cell of `-`, `–`, `—`, `N/A` or nothing: the entry has no HTTP status, as in a table without the column (where the configuration names the column, it is an `invalid-status` error)',
    example: 'Code 1101 has no HTTP status (its HTTP cell is `-`): its entry is a code without one'
  },
  'non-error-status': {
    severity: 'warning', adjustable: true,
    meaning: 'an HTTP status below 400',
    example: 'Unexpected HTTP status 302 for an error, expected 400 to 599'
  },
  'status-phrase': {
    severity: 'warning', adjustable: true,
    meaning: 'an HTTP cell whose reason phrase (`404 Bad Request`) is not the standard one of its number; the number is read',
    example: 'Unexpected reason phrase `Bad Request` for HTTP status 404, expected `Not Found`: the status is read as 404'
  },
  'empty-message': {
    severity: 'error',
    meaning: 'an empty or blank Message cell (white space, `&nbsp;` or `<br>` only)',
    example: 'Unexpected empty Message cell for code 1000, expected text'
  },
  'empty-resolve': {
    severity: 'error',
    meaning: 'an empty or blank Resolve cell (a resolve text read from a description-like or prose column may be empty, unless the configuration names the column)',
    example: 'Unexpected empty Resolve cell for code 1004, expected text'
  },
  'message-markup': {
    severity: 'warning', adjustable: true,
    meaning: 'in a table where some Message is one emphasis span (`*message*`), a Message that is not: plain, strong, a code span, partly emphasised, markup inside; its text is still read',
    example: 'Unexpected message in plain text, expected one emphasis span (`*…*`) like the other messages of this table'
  },
  'cell-html': {
    severity: 'warning', adjustable: true,
    meaning: 'an HTML tag in a cell that is not a line break, a paragraph, a list or inline formatting (`<b>`, `<code>`, `<a>`): a page would not show it as text, so it is kept as written, and said',
    example: 'Unexpected HTML `</script>` in a Message cell, expected text: kept as written; write it in a code span to show it as code'
  },
  'malformed-placeholder': {
    severity: 'warning', adjustable: true,
    meaning: 'in a Message or Resolve cell, a brace or percent sign like a placeholder that is none (`{na me}`, `{}`, `{user.name}`, an unclosed `{`, a lone `}`; with printf on, a conversion other than `%s`, `%d`, `%1$s` and `%1$d`): kept as text, with a hint (a literal brace is written in a code span, a literal percent sign `%%`)',
    example: 'Unexpected placeholder `{na me}` in the Message cell of code 3000, expected `{name}` with a name of ASCII letters, digits and `_`; a literal brace is written in a code span; kept as text'
  },
  'mixed-placeholders': {
    severity: 'error',
    meaning: 'the Message and Resolve cells of one code hold placeholders of more than one kind (`{name}` and `{{name}}`, or braces and printf\'s `%s`): its parameters could not be told apart',
    example: 'Unexpected placeholders of 2 kinds for code 4000 (`{limit}`, `%d`), expected one kind in its Message and Resolve cells: write each like `{limit}`'
  },
  'invalid-locale': {
    severity: 'error',
    meaning: 'a locale tag that is not BCP 47\'s shape (a language of 2 or 3 letters, then an optional script, region and variants separated by `-`): in a header (`Message (de_DE)`, whose column is then not read) or a key of `locales` or `defaultLocale` in the configuration',
    example: 'Unexpected locale tag `de_DE` in header `Message (de_DE)`, expected a language of 2 or 3 letters, then an optional script, region and variants separated by `-` (BCP 47: `fr`, `de-DE`, `zh-Hant-TW`): write `de-DE`; the column is not read'
  },
  'translation-params': {
    severity: 'error',
    meaning: 'a translated message (or resolve text) that does not use exactly the parameters of the default locale\'s (one added, left out or renamed), in a tagged column or a locale\'s document: a server filling in the translation would send a hole or lose a value',
    example: 'Unexpected parameter `{mail}` in the fr translation of the message of code 1000, expected exactly those of the message: parameters `{email}`, `{tenant}`'
  },
  'missing-translation': {
    severity: 'warning', adjustable: true,
    meaning: 'codes without a message in a locale the page translates into (an empty tagged cell, or a code the locale\'s document lacks): one warning per locale with the count and the first codes; the default locale\'s message is sent in that locale meanwhile',
    example: 'Missing fr translation of 1 code (1002), expected a message in every locale: the en message is used for it'
  },
  'translation-only-code': {
    severity: 'error',
    meaning: 'a code in a locale\'s document that the default locale\'s documents do not have: a translation of nothing (a typo in the code, or a code deleted from one document only)',
    example: 'Unexpected code 3 in the de translations, expected a code of the default locale\'s documents: it documents no error there'
  },
  'duplicate-code': {
    severity: 'error',
    meaning: 'a code defined twice (in one table, two tables or two documents, or translated twice in a locale\'s documents), also a string code in another Unicode normalization (NFC and NFD `café`); points at the first',
    example: 'Duplicate code 1100, first defined at 7:12'
  },
  'confusable-code': {
    severity: 'warning', adjustable: true,
    meaning: 'a string code that differs from another only in case (`AUTH_FAILED`, `auth_failed`): readers and clients that ignore case cannot tell them apart; points at the first',
    example: 'Code `auth_failed` differs from code `AUTH_FAILED` at 3:7 only in case: readers and clients that ignore case cannot tell them apart'
  },
  'duplicate-message': {
    severity: 'warning', adjustable: true,
    meaning: 'a message used by two codes; clients cannot tell them apart by message',
    example: 'Duplicate message `bad access_token` of code 1106, first used by code 1105 at 3:14'
  },
  'duplicate-name': {
    severity: 'warning', adjustable: true,
    meaning: 'messages (or string codes) that give one identifier, or identifiers an enabled output spells alike (`card_declined` and `cardDeclined` are both `CodeCardDeclined` in Go); each entry gets its code (or its place) as suffix, in every output',
    example: 'Name `InvalidType` is derived from the messages of codes 1108, 1503: named `InvalidType_1108`, `InvalidType_1503`; add a Name column to choose the names'
  },
  'long-name': {
    severity: 'warning', adjustable: true,
    meaning: 'a name derived from a message has more than 5 words or 40 characters: the name is kept, a Name column can give a shorter one',
    example: 'Name `TheRequestedAccountCouldNotBeFoundOnThisServer` derived from the message of code 1404 has 10 words and 46 characters, expected at most 5 and 40; add a Name column to give it a shorter one'
  },
  'no-ascii-name': {
    severity: 'warning', adjustable: true,
    meaning: 'a message with no ASCII letter (Chinese, Cyrillic, Greek, only digits or signs), or written mostly in letters with no ASCII form (`Ошибка API`): the entry is named after its code (`Code1000`, `CodeMinus32700`), neither transliterated nor named after its few ASCII words; a message with a few letters that have no ASCII form among its ASCII words: named after those words only',
    example: 'Message of code 1000 has no ASCII letter: named `Code1000` after its code; add a Name column to choose the name'
  },
  'reserved-name': {
    severity: 'warning', adjustable: true,
    meaning: 'a derived name an enabled output reserves: `ErrorCode` or `ErrorBody`, which the generated schemas use; `__proto__`, which no JavaScript object holds as its own; with Python on, a Python keyword (`None`, `class`), a `_sunder_`, `__dunder__` or `__private` name, or a name of `Enum`, `int` or `str`; the entry gets a suffix (its code, or its place) in every output',
    example: 'Name `ErrorCode` of code 7 is reserved for the generated types: named `ErrorCode_7`; add a Name column to choose the names'
  },
  'invalid-name': {
    severity: 'error',
    meaning: 'a Name cell that is not an ASCII identifier, is reserved in an enabled output (`ErrorCode`; with Python on, `None`), or is `__proto__` (no JavaScript enum can hold it); in the const style, also a name no TypeScript type can have (`class`, `default`, `string`: `ErrorCode.class` would not compile), whether a Name cell gives it or a string code',
    example: 'Unexpected name `1st-error`, expected an identifier: an ASCII letter or `_`, then letters, digits or `_`'
  },
  'name-conflict': {
    severity: 'error',
    meaning: 'a Name cell that repeats another entry\'s name, or that an enabled output spells like another (`Foo` and `foo` are both `CodeFoo` in Go)',
    example: 'Duplicate name `Same` of code 2, first given to code 1 at 3:20'
  },
  'invalid-deprecated': {
    severity: 'error',
    meaning: 'a Deprecated cell that is not `yes`, `no` or a replacement code',
    example: 'Unexpected Deprecated cell `maybe not`, expected yes, no, or the code that replaces it (`use 1234`)'
  },
  'unknown-replacement': {
    severity: 'error',
    meaning: 'a Deprecated cell names a code the catalog does not have',
    example: 'Unexpected replacement `9` of deprecated code 2, expected another documented code'
  },
  'config-syntax': {
    severity: 'error',
    meaning: 'the configuration is not valid JSON, or repeats a key (exit code 2)',
    example: 'Unexpected JSON syntax: Expected double-quoted property name'
  },
  'config-schema': {
    severity: 'error',
    meaning: 'the configuration has an unknown key or a wrong value (exit code 2)',
    example: 'Unexpected "class" for `typescript.style`, expected one of "enum", "const"'
  },
  'body-field': {
    severity: 'error',
    meaning: 'a field of `body.fields` (`status`, `resolve`) names a column the error tables do not have',
    example: 'Unexpected body field `resolve`, expected a field the error tables have a column for: they have no Resolve column; add one, or remove `resolve` from `body.fields`'
  },
  ...contractRules
} as const satisfies Record<string, Rule>

/** The id of one of errgen's rules. */
export type RuleId = keyof typeof rules

/** The ids of the rules of one severity. */
export type RuleIdOf<S extends Severity> = {[Id in RuleId]: (typeof rules)[Id]['severity'] extends S ? Id : never}[RuleId]

/** The ids of the breaking changes of the API contract. */
export type BreakingRuleId = {[Id in RuleId]: (typeof rules)[Id] extends {breaking: true} ? Id : never}[RuleId]

/** The ids of the rules the configuration's `rules` may turn off or set the severity of. */
export type AdjustableRuleId = {[Id in RuleId]: (typeof rules)[Id] extends {adjustable: true} ? Id : never}[RuleId]

/** What the configuration's `rules` sets a rule to, as in eslint. */
export type RuleSetting = 'off' | 'warn' | 'error'

/** The settings of the configuration's `rules`, by rule id. */
export type RuleSettings = Readonly<Partial<Record<AdjustableRuleId, RuleSetting>>>

/** The ids of the adjustable rules, in the registry's order. */
export const adjustableRuleIds: ReadonlyArray<AdjustableRuleId> = (Object.keys(rules) as Array<RuleId>).filter(
  (id): id is AdjustableRuleId => 'adjustable' in rules[id]
)
