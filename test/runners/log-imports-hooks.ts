/** The hooks of log-imports.js: the main thread's port in, each resolved module's URL posted to it. */
import type {ResolveFnOutput, ResolveHook, ResolveHookContext} from 'node:module'
import type {MessagePort} from 'node:worker_threads'

let port: MessagePort | undefined

export function initialize(data: {port: MessagePort}): void {
  port = data.port
}

export async function resolve(specifier: string, context: ResolveHookContext, next: Parameters<ResolveHook>[2]): Promise<ResolveFnOutput> {
  const result = await next(specifier, context)
  port?.postMessage(result.url)
  return result
}
