/** each-file: vitest's setup for every test file — the temporary directories the file made are removed after it, also when test files share a worker and its modules. */
import {afterAll} from 'vitest'
import {removeTempDirectories} from '../support/helpers.js'

afterAll(removeTempDirectories)
