/** The hooks of log-imports.js: they post each resolved module's URL to the main thread. */

/** @type {import('node:worker_threads').MessagePort | undefined} */
let port

/**
 * @param {{port: import('node:worker_threads').MessagePort}} data
 */
export function initialize(data) {
  port = data.port
}

/**
 * @param {string} specifier
 * @param {object} context
 * @param {(specifier: string, context: object) => Promise<{url: string}>} next
 */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  port?.postMessage(result.url)
  return result
}
