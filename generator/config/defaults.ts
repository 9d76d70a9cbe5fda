/** defaults: nothing in, errgen's defaults out — the configuration file's name, the document, the output directory, the TypeScript style, the placeholder syntaxes, the default locale and the error body used when nothing says otherwise. */
import type {BodyOptions, ParamSyntax, TypeScriptStyle} from '../types.js'

/** The configuration file looked for in the working directory (else the "errgen" key of package.json). */
export const configFileName = 'errgen.config.json'

/** The key of package.json that holds a configuration. */
export const packageKey = 'errgen'

/** The document read when neither the configuration nor `--input` names one. */
export const defaultInput = 'input/error-codes.md'

/** The output directory when neither the configuration nor `--out` names one. */
export const defaultOut = 'output'

/** The TypeScript style when neither the configuration nor `--style` names one. */
export const defaultStyle: TypeScriptStyle = 'enum'

/** OpenAPI `info.version` when the project's package.json has none. */
export const defaultApiVersion = '0.0.0'

/** Where errgen's rules are explained: the rule table of its README, as the package's page shows it. */
export const rulesUrl = 'https://www.npmjs.com/package/errgen#diagnostics'

/** The placeholder syntaxes of messages when the configuration says nothing: braces (`{name}`, `{{name}}`); printf is off, as `%` is common in prose. */
export const defaultParamSyntaxes: ReadonlyArray<ParamSyntax> = ['braces']

/** The locale of the untagged messages when the configuration names no `defaultLocale`. */
export const defaultLocale = 'en'

/** The error body when the configuration says nothing: the columns read, and no extra field. */
export const defaultBody: BodyOptions = {fields: undefined, extraFields: false}
