/** contract-rules: nothing in, the rules of the output check and the API contract out (`--check`, every run against the outputs it replaces, `--against`): the registry lists them last. */
import type {Rule} from './severity.js'

/** The rules of the output check and the API contract, in the order the README lists them. */
export const contractRules = {
  'stale-output': {
    severity: 'error',
    meaning: '`--check`: an output differs from what the documents generate (says which codes it adds, removes or changes, or that only its formatting differs), or errgen no longer generates it (turned off, or its input renamed: the next run removes it)',
    example: 'output/error-codes.ts is stale: code 1000 added'
  },
  'missing-output': {
    severity: 'error',
    meaning: '`--check`: an output does not exist',
    example: 'output/error-codes.ts is missing'
  },
  'removed-code': {
    severity: 'error', breaking: true,
    meaning: 'every run (against the outputs it replaces: one error at the row before the first code, naming how many codes would go and the first five) and `--against` (one error per code): a code removed that was not deprecated there (a warning with `--allow-breaking`, as every breaking change)',
    example: 'Code 1610 (`ItemNotFound`) was removed since HEAD without being deprecated first; deprecate it (strike its message through) in a release before removing it'
  },
  'changed-status': {
    severity: 'error', breaking: true,
    meaning: '`--against`: a code\'s HTTP status changed',
    example: 'HTTP status of code 1200 changed from 402 to 403 since HEAD'
  },
  'added-param': {
    severity: 'error', breaking: true,
    meaning: '`--against`: a parameter added to a code\'s message or resolve text (`{tenant}`, `%s`): code that makes its message must now pass it (one removed is an edit)',
    example: 'Parameter `type` added to code 1001 since HEAD: code that makes its message must now pass it'
  },
  'renamed-code': {
    severity: 'error', breaking: true,
    meaning: 'every run (against the outputs it replaces) and `--against`: a code\'s member name changed, derived from an edited message or given by an edited Name cell; the message names both members and the ways on: `--pin-names` or `--allow-breaking`',
    example: 'Name of code 1001 changed from `TypeMissing` to `TypeParameterMissing` since output; keep the old name with a Name column (run again with --pin-names to write it) or accept the new one with --allow-breaking'
  },
  'reused-code': {
    severity: 'error', breaking: true,
    meaning: 'every run (against the outputs it replaces) and `--against`: a code now names another error, whose old name moved to another code',
    example: 'Code 1000 was `AccessTokenMissing` in HEAD and is now `TypeMissing`, while `AccessTokenMissing` is now code 1001: clients that switch on `AccessTokenMissing` get another code'
  },
  'renamed-status': {
    severity: 'error', breaking: true,
    meaning: 'every run (against the outputs it replaces) and `--against`: the name of an HTTP status (its `HttpStatus` member, its OpenAPI response) changed; errgen keeps the names it gave, so this comes of outputs another version wrote',
    example: 'Name of HTTP status 413 changed from `RequestEntityTooLarge` to `PayloadTooLarge` since output: clients that use `HttpStatus.RequestEntityTooLarge` or the `RequestEntityTooLarge` response break; accept the new name with --allow-breaking'
  },
  'unpinnable-name': {
    severity: 'error',
    meaning: '`--pin-names`: an old name errgen cannot write into the document: the empty Name cell to fill holds other text, or, written there, the name would not give the code its old name (nothing is written)',
    example: 'Cannot keep the name `TypeMissing` of code 1001: its Name cell holds `<b></b>`, which errgen would lose; write the name there by hand'
  },
  'changed-code-kind': {
    severity: 'error', breaking: true,
    meaning: '`--against`: codes changed from integers to strings or back',
    example: 'Codes changed from integers to strings since HEAD'
  },
  'changed-problem-type': {
    severity: 'error', breaking: true,
    meaning: '`--against`: a code\'s problem type URI (`problem.type`) changed: clients that match on `type` no longer recognise it',
    example: 'Problem type of code 1001 changed from `https://docs.example.com/errors/TypeMissing` to `https://docs.example.com/errors/TypeParameterMissing` since HEAD; problem types are identifiers clients match on: keep the old URI'
  },
  'removed-column': {
    severity: 'error', breaking: true,
    meaning: '`--against`: the HTTP or Resolve column was removed',
    example: 'The Resolve column was removed since HEAD: bodies no longer carry a resolve text'
  },
  'added-code': {
    severity: 'info',
    meaning: '`--against`: a code added',
    example: 'Code 1800 (`Maintenance`) added since HEAD'
  },
  'edited-message': {
    severity: 'info',
    meaning: '`--against`: a message edited',
    example: 'Message of code 1001 edited since HEAD'
  },
  'edited-resolve': {
    severity: 'info',
    meaning: '`--against`: a resolve text edited',
    example: 'Resolve text of code 1100 edited since HEAD'
  },
  'deprecated-code': {
    severity: 'info',
    meaning: '`--against`: a code deprecated',
    example: 'Code 1101 deprecated since HEAD'
  },
  'removed-deprecated-code': {
    severity: 'info',
    meaning: '`--against`: a deprecated code removed',
    example: 'Code 1610 (`ItemNotFound`) was removed since v2 after its deprecation'
  }
} as const satisfies Record<string, Rule>
