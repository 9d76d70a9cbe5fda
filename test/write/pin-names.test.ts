/** --pin-names edits only the lines of the tables it pins in, byte for byte: CRLF and a byte-order mark, tables without outer pipes, several tables, escaped pipes, tables in containers, Name cells to fill, aligned tables. */
import {readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {root, runInProcess, tempDirectory} from '../support/helpers.js'

/** A fixture's document. */
function fixture(name: string): Promise<string> {
  return readFile(path.join(root, 'test', 'fixtures', name, 'input.md'), 'utf8')
}

/**
 * Generate a document once, edit its messages, pin: the document as edited, as pinned, and what the pin printed.
 *
 * @param edits each text replaced once
 */
async function pinAfterEdit(document: string, edits: ReadonlyArray<readonly [string, string]>, config?: object): Promise<{edited: string, pinned: string}> {
  const directory = await tempDirectory()
  const file = path.join(directory, 'errors.md')
  await writeFile(file, document)
  const args = ['--input', 'errors.md', ...(config ? [] : ['--no-config'])]
  if (config) await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify(config))
  const first = await runInProcess([...args, '--quiet'], directory)
  expect(first.stderr).toBe('')
  let edited = document
  for (const [from, to] of edits) {
    expect(edited).toContain(from)
    edited = edited.replace(from, to)
  }
  await writeFile(file, edited)
  expect((await runInProcess([...args, '--quiet'], directory)).code).toBe(1)
  const pin = await runInProcess([...args, '--pin-names', '--quiet'], directory)
  expect([pin.code, pin.stderr]).toEqual([0, ''])
  const pinned = await readFile(file, 'utf8')
  const after = await runInProcess([...args, '--quiet'], directory)
  expect([after.code, after.stderr]).toEqual([0, ''])
  const again = await runInProcess([...args, '--pin-names'], directory)
  expect([again.code, again.stdout]).toEqual([0, 'errgen: no derived name changed, no name to keep\n'])
  expect(await readFile(file, 'utf8')).toBe(pinned)
  return {edited, pinned}
}

/** The text with some lines' contents replaced (1-based), each keeping its own line ending. */
function withLines(text: string, lines: Readonly<Record<number, string>>): string {
  return text
    .split(/(?<=\n)/)
    .map((line, index) => {
      const replacement = lines[index + 1]
      return replacement === undefined ? line : replacement + (/\r?\n$/.exec(line)?.[0] ?? '')
    })
    .join('')
}

describe('--pin-names keeps every byte but the pinned tables\' lines', () => {
  test('CRLF line endings and a byte-order mark, in one of several tables', async () => {
    const document = await fixture('crlf-bom')
    expect(document.startsWith('\uFEFF') && document.includes('\r\n')).toBe(true)
    const {edited, pinned} = await pinAfterEdit(document, [['*token expired*', '*token has expired*']])
    expect(pinned).toBe(
      withLines(edited, {
        11: 'Status | Error code | Message | Resolution | Name',
        12: ':--- | ---: | :---: | --- | ---',
        13: '401 | 10 | *token missing* | Send a token. | |',
        14: '401 | 11 | *token has expired* | Refresh the token. | TokenExpired'
      })
    )
    expect(pinned.startsWith('\uFEFF# Errors\r\n')).toBe(true)
  })

  test('two tables at once, one with outer pipes, one without', async () => {
    const {edited, pinned} = await pinAfterEdit(await fixture('several-tables'), [
      ['*token missing*', '*no token*'],
      ['*maintenance*', '*under maintenance*']
    ])
    expect(pinned).toBe(
      withLines(edited, {
        11: 'Status | Error code | Message | Resolution | Name',
        12: ':--- | ---: | :---: | --- | ---',
        13: '401 | 10 | *no token* | Send a token. | TokenMissing',
        14: '401 | 11 | *token expired* | Refresh the token. | |',
        18: '| HTTP status | Code | Message | Description | Name |',
        19: '|-------------|------|---------|-------------| --- |',
        20: '| 500 | 20 | *internal error* | Try again later. | |',
        21: '| 503 | 21 | *under maintenance* | See the status page. | Maintenance |'
      })
    )
  })

  test('only leading pipes, and an escaped pipe in the last cell', async () => {
    const {edited, pinned} = await pinAfterEdit(await fixture('no-outer-pipes'), [['*upload not found*', '*no such upload*']])
    expect(pinned).toBe(
      withLines(edited, {
        8: '| HTTP | Code | Message | Resolve | Name',
        9: '| --- | --- | --- | --- | ---',
        10: '| 404 | 4041 | *no such upload* | Check the **upload ID**; uploads expire after 24 h. | UploadNotFound',
        11: '| 409 | 4091 | *upload already completed* | Start a new upload \\| or fetch the completed one. | |'
      })
    )
  })

  test('escaped pipes, also at the edges of a cell and after backslashes', async () => {
    const {edited, pinned} = await pinAfterEdit(await fixture('escaped-pipes'), [['*pipes at the edges*', '*pipes on the edges*']])
    expect(pinned).toBe(
      withLines(edited, {
        3: '| HTTP | Code | Message | Resolve | Name |',
        4: '| --- | --- | --- | --- | --- |',
        5: '| 400 | 1000 | *type a\\|b missing* | Send `a\\|b` or `a \\| b`. | |',
        6: '| 400 | 1001 | *pipe in a code span* | `\\|` and a code span of two backticks: ``x\\|y``. | |',
        7: '| 400 | 1002 | *backslash pipe* | A backslash and a pipe: `\\\\\\|` in code, \\\\\\| in text. | |',
        8: '| 400 | 1003 | *pipes on the edges* | \\|both ends\\| | PipesAtTheEdges |'
      })
    )
  })

  test('tables in a block quote and in lists keep their prefixes', async () => {
    const {edited, pinned} = await pinAfterEdit(await fixture('tables-in-containers'), [
      ['*client_id missing*', '*no client_id*'],
      ['*invalid credentials*', '*bad credentials*']
    ])
    expect(pinned).toBe(
      withLines(edited, {
        5: '> | HTTP | Code | Message | Resolve | Name |',
        6: '> | --- | --- | --- | --- | --- |',
        7: '> | 401 | 1100 | *no client_id* | Include your Client ID. | ClientIdMissing |',
        11: '  HTTP | Code | Message | Resolve | Name',
        12: '  --- | --- | --- | --- | ---',
        13: '  402 | 1200 | *bad credentials* | The username or password were not correct. | InvalidCredentials'
      })
    )
  })

  test('an empty Name cell is filled in place, the other Name cells kept', async () => {
    const {edited, pinned} = await pinAfterEdit(await fixture('name-column'), [['*rate limited*', '*slow down*']])
    expect(pinned).toBe(withLines(edited, {8: '| ```429``` | ```1200``` | *slow down* | Slow down. | RateLimited |'}))
  })

  test('an aligned table gets an aligned column; a row ending in backslashes gets its cell after them', async () => {
    const document =
      '| HTTP | Code | Message         | Resolve          |\n' +
      '| ---- | ---- | --------------- | ---------------- |\n' +
      '| 400  | 1    | *token missing* | Send a token.    |\n' +
      '| 401  | 2    | *token expired* | Refresh it \\|.   |\n' +
      '\n' +
      'HTTP | Code | Message | Resolve\n' +
      '--- | --- | --- | ---\n' +
      '400 | 3 | *edge* | Ends with a backslash \\\\\n'
    const {edited, pinned} = await pinAfterEdit(document, [
      ['*token expired*', '*token invalid*'],
      ['*edge*', '*edge one*']
    ])
    expect(pinned).toBe(
      withLines(edited, {
        1: '| HTTP | Code | Message         | Resolve          | Name         |',
        2: '| ---- | ---- | --------------- | ---------------- | ------------ |',
        3: '| 400  | 1    | *token missing* | Send a token.    |              |',
        4: '| 401  | 2    | *token invalid* | Refresh it \\|.   | TokenExpired |',
        6: 'HTTP | Code | Message | Resolve | Name',
        7: '--- | --- | --- | --- | ---',
        8: '400 | 3 | *edge one* | Ends with a backslash \\\\ | Edge'
      })
    )
  })

  test('the new column takes a header the configured columns read as the Name column', async () => {
    const document = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *token missing* | Send a token.\n'
    const {edited, pinned} = await pinAfterEdit(document, [['*token missing*', '*no token*']], {columns: {Name: 'ignore'}})
    expect(pinned).toBe(
      withLines(edited, {1: 'HTTP | Code | Message | Resolve | Identifier', 2: '--- | --- | --- | --- | ---', 3: '400 | 1 | *no token* | Send a token. | TokenMissing'})
    )
  })

  test('a document reached through a link is written at its real place, the link kept, with its mode', async () => {
    const {symlink, chmod, lstat} = await import('node:fs/promises')
    const directory = await tempDirectory()
    await writeFile(path.join(directory, 'real.md'), 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *token missing* | Send a token.\n')
    await chmod(path.join(directory, 'real.md'), 0o640)
    await symlink('real.md', path.join(directory, 'errors.md'))
    const args = ['--input', 'errors.md', '--no-config', '--quiet']
    expect((await runInProcess(args, directory)).code).toBe(0)
    await writeFile(path.join(directory, 'real.md'), (await readFile(path.join(directory, 'real.md'), 'utf8')).replace('*token missing*', '*no token*'))
    expect((await runInProcess([...args, '--pin-names'], directory)).code).toBe(0)
    expect((await lstat(path.join(directory, 'errors.md'))).isSymbolicLink()).toBe(true)
    expect(await readFile(path.join(directory, 'real.md'), 'utf8')).toContain('| TokenMissing\n')
    expect((await stat(path.join(directory, 'real.md'))).mode & 0o777).toBe(0o640)
  })
})

describe('--pin-names says why it cannot write a name', () => {
  test('no header the configured columns read as the Name column: unpinnable-name at the row, nothing written', async () => {
    const directory = await tempDirectory()
    const file = path.join(directory, 'errors.md')
    await writeFile(path.join(directory, 'errgen.config.json'), JSON.stringify({columns: {Name: 'ignore', Identifier: 'ignore'}}))
    await writeFile(file, 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *token missing* | Send a token.\n')
    const args = ['--input', 'errors.md', '--quiet']
    expect((await runInProcess(args, directory)).code).toBe(0)
    const edited = 'HTTP | Code | Message | Resolve\n--- | --- | --- | ---\n400 | 1 | *no token* | Send a token.\n'
    await writeFile(file, edited)
    expect(await runInProcess([...args, '--pin-names'], directory)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'errors.md:3:1-3:37  error  Cannot keep the name `TokenMissing` of code 1: no header names the Name column with the configured `columns`; add a Name column by hand  unpinnable-name\n' +
        '✖ 1 error\n'
    })
    expect(await readFile(file, 'utf8')).toBe(edited)
  })
})
