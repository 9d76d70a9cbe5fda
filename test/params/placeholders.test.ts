/** The placeholder scanner and the templates: each syntax, each mistake and each literal as `[name, {given, want}]` tables; the pattern a template gives matches its filled-in texts and nothing else; a name leaves the placeholders out. */
import {describe, expect, test} from 'vitest'
import {fill, nameSource, templatePattern} from '../../generator/params/fill.js'
import {mask, scan, unmask} from '../../generator/params/placeholders.js'
import type {ParamSyntax} from '../../generator/types.js'

const both: Array<ParamSyntax> = ['braces', 'printf']

describe('scan', () => {
  const cases: Array<[string, {given: string, syntaxes?: Array<ParamSyntax>, want: {parts: Array<string>, malformed?: Array<string>}}]> = [
    ['a brace', {given: 'Rate limit of {limit} requests exceeded', want: {parts: ['Rate limit of ', 'limit', ' requests exceeded']}}],
    ['double braces, spaces inside', {given: 'Field {{ field }} is empty', want: {parts: ['Field ', 'field', ' is empty']}}],
    ['a placeholder first and last', {given: '{a}{b}', want: {parts: ['', 'a', '', 'b', '']}}],
    ['printf off: % is text', {given: 'Missing %s at 100%', want: {parts: ['Missing %s at 100%']}}],
    ['printf on', {given: 'Missing %s, got %d (100%%)', syntaxes: both, want: {parts: ['Missing ', 'arg1', ', got ', 'arg2', ' (100%)']}}],
    ['printf on, a percent sign before a space is text', {given: '50% off %s', syntaxes: both, want: {parts: ['50% off ', 'arg1', '']}}],
    ['no syntax: braces are text', {given: 'Unclosed { and {name}', syntaxes: [], want: {parts: ['Unclosed { and {name}']}}],
    ['a template of code is text', {given: 'Use ${x} here', want: {parts: ['Use ${x} here']}}],
    ['a masked code span is text', {given: 'Send ' + mask('{"id": 1}') + ' or {id}', want: {parts: ['Send ' + mask('{"id": 1}') + ' or ', 'id', '']}}],
    ['malformed: a space', {given: 'Bad {na me}', want: {parts: ['Bad {na me}'], malformed: ['{na me}']}}],
    ['malformed: empty, dotted', {given: '{} and {user.name}', want: {parts: ['{} and {user.name}'], malformed: ['{}', '{user.name}']}}],
    ['malformed: unclosed and lone closing', {given: 'a { b } c', want: {parts: ['a { b } c'], malformed: ['{ b }']}}],
    ['malformed: an unclosed brace', {given: 'a { b', want: {parts: ['a { b'], malformed: ['{']}}],
    ['malformed: a lone closing brace', {given: 'a } b', want: {parts: ['a } b'], malformed: ['}']}}],
    ['printf numbered, reordered as a translation does', {given: '%2$d sur %1$s', syntaxes: both, want: {parts: ['', 'arg2', ' sur ', 'arg1', '']}}],
    ['malformed: other conversions', {given: '%5d and %x and %1$x and %0$s', syntaxes: both, want: {parts: ['%5d and %x and %1$x and %0$s'], malformed: ['%5d', '%x', '%1$x', '%0$s']}}]
  ]
  test.each(cases)('%s', (_, {given, syntaxes = ['braces'], want}) => {
    const scanned = scan(given, syntaxes)
    expect(scanned.parts).toEqual(want.parts)
    expect(scanned.malformed.map((item) => item.written)).toEqual(want.malformed ?? [])
  })

  test('printf parameters are typed: %s a string, %d an integer; braces text', () => {
    expect(scan('%s %d', both).placeholders.map((item) => item.param)).toEqual([{name: 'arg1', type: 'string'}, {name: 'arg2', type: 'integer'}])
    expect(scan('%2$d %1$s', both).placeholders.map((item) => [item.kind, item.param])).toEqual([['printf-numbered', {name: 'arg2', type: 'integer'}], ['printf-numbered', {name: 'arg1', type: 'string'}]])
    expect(scan('{a} {{b}}', both).placeholders.map((item) => [item.kind, item.param.type])).toEqual([['brace', 'text'], ['double-brace', 'text']])
  })

  test('masks give the code span back', () => {
    expect(unmask(mask('{a} 100%'))).toBe('{a} 100%')
    expect(mask('{a}')).not.toMatch(/[{}]/)
  })
})

describe('templates', () => {
  const template = ['Rate limit of ', 'limit', ' (a.b) exceeded: ', 'why', '']
  test('fill', () => {
    expect(fill(template, {limit: 100, why: 'too many'})).toBe('Rate limit of 100 (a.b) exceeded: too many')
  })

  test('the pattern matches the filled-in texts and nothing else', () => {
    const pattern = new RegExp(templatePattern(template), 'u')
    expect(templatePattern(template)).toBe('^Rate limit of [\\s\\S]+ \\(a\\.b\\) exceeded: [\\s\\S]+$')
    expect(pattern.test('Rate limit of 5 (a.b) exceeded: x\ny')).toBe(true)
    expect(pattern.test('Rate limit of  (a.b) exceeded: x')).toBe(false)
    expect(pattern.test('Rate limit of 5 (axb) exceeded: x')).toBe(false)
    expect(pattern.test('Rate limit of 5 (a.b) exceeded: ')).toBe(false)
    expect(pattern.test('A rate limit of 5 (a.b) exceeded: x')).toBe(false)
  })

  test('a name leaves the placeholders out', () => {
    expect(nameSource(['Rate limit of ', 'limit', ' requests exceeded'])).toBe('Rate limit of   requests exceeded')
  })
})
