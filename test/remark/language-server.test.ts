/** errgen/remark in an editor: remark's language server, started on stdio and spoken to over LSP, publishes errgen's diagnostics for a document as it is opened, at the cell's range; the server is shut down and never left behind. */
import {type ChildProcess, spawn} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, expect, test} from 'vitest'
import {runnersOut} from '../setup/build.js'
import {root, tempDirectory} from '../support/helpers.js'
import {badDocument} from './documents.js'

/** A JSON-RPC message as LSP frames it: headers, then the JSON body. */
function frame(message: object): string {
  const body = JSON.stringify({jsonrpc: '2.0', ...message})
  return 'Content-Length: ' + Buffer.byteLength(body) + '\r\n\r\n' + body
}

/** An LSP client over a child process's stdio: send requests and notifications, wait for a message. */
class Client {
  #buffer = Buffer.alloc(0)
  #messages: Array<Record<string, unknown>> = []
  #waiting: Array<{test: (message: Record<string, unknown>) => boolean, resolve: (message: Record<string, unknown>) => void}> = []
  #id = 0
  readonly server: ChildProcess

  constructor(server: ChildProcess) {
    this.server = server
    server.stdout?.on('data', (chunk: Buffer) => this.#receive(chunk))
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk])
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1])
      if (this.#buffer.length < headerEnd + 4 + length) return
      const message = JSON.parse(this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Record<string, unknown>
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length)
      this.#messages.push(message)
      for (const waiter of this.#waiting.filter((candidate) => candidate.test(message))) waiter.resolve(message)
    }
  }

  /** The first message, received or to come, that passes the test. */
  next(test: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    const found = this.#messages.find(test)
    return found ? Promise.resolve(found) : new Promise((resolve) => this.#waiting.push({test, resolve}))
  }

  request(method: string, params: object): Promise<Record<string, unknown>> {
    const id = ++this.#id
    this.server.stdin?.write(frame({id, method, params}))
    return this.next((message) => message['id'] === id)
  }

  notify(method: string, params: object): void {
    this.server.stdin?.write(frame({method, params}))
  }
}

let server: ChildProcess | undefined

afterEach(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL')
})

test('publishes errgen’s diagnostics for an opened document, at the cells, then shuts down', async () => {
  const directory = await tempDirectory()
  const plugin = path.join(root, 'dist', 'remark', 'index.js')
  const gfm = path.join(root, 'node_modules', 'remark-gfm', 'index.js')
  await writeFile(path.join(directory, '.remarkrc.json'), JSON.stringify({plugins: [gfm, plugin]}))
  const uri = pathToFileURL(path.join(directory, 'errors.md')).href
  server = spawn(process.execPath, [path.join(runnersOut, 'remark-language-server.js'), '--stdio'], {cwd: directory, stdio: ['pipe', 'pipe', 'inherit']})
  const exited = new Promise<number | null>((resolve) => server?.on('exit', (code) => resolve(code)))
  const client = new Client(server)

  const initialized = await client.request('initialize', {processId: process.pid, rootUri: pathToFileURL(directory).href, capabilities: {}, workspaceFolders: null})
  expect(initialized['result']).toMatchObject({capabilities: {}})
  client.notify('initialized', {})
  client.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: badDocument}})
  const published = await client.next((message) => message['method'] === 'textDocument/publishDiagnostics')
  const params = published['params'] as {uri: string, diagnostics: Array<Record<string, unknown>>}
  expect(params.uri).toBe(uri)
  expect(params.diagnostics.map(({range, message, code, source, severity}) => ({range, message, code, source, severity}))).toEqual([
    {range: {start: {line: 5, character: 8}, end: {line: 5, character: 12}}, message: 'Unexpected code `10O1`, expected an integer', code: 'invalid-code', source: 'errgen', severity: 1},
    {range: {start: {line: 6, character: 8}, end: {line: 6, character: 12}}, message: expect.stringMatching(/^Duplicate code 1000, first defined at 5:9\n?$/), code: 'duplicate-code', source: 'errgen', severity: 1}
  ])

  expect((await client.request('shutdown', {}))['error']).toBeUndefined()
  client.notify('exit', {})
  expect(await exited).toBe(0)
})
