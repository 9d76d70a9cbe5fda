/** The hooks of log-imports.js: the main thread's port and its flag of the compile cache in, each resolved module's URL posted to it, after `compileCacheLine` once the flag is set. */
import type {ResolveFnOutput, ResolveHook, ResolveHookContext} from 'node:module'
import type {MessagePort} from 'node:worker_threads'

/** The line logged before the first module resolved after the process enabled Node's compile cache. */
export const compileCacheLine = 'node:module enableCompileCache'

let port: MessagePort | undefined
let enabled: Int32Array | undefined
let logged = false

export function initialize(data: {port: MessagePort, enabled: Int32Array}): void {
  port = data.port
  enabled = data.enabled
}

export async function resolve(specifier: string, context: ResolveHookContext, next: Parameters<ResolveHook>[2]): Promise<ResolveFnOutput> {
  const result = await next(specifier, context)
  if (!logged && enabled && Atomics.load(enabled, 0) === 1) {
    logged = true
    port?.postMessage(compileCacheLine)
  }
  port?.postMessage(result.url)
  return result
}
