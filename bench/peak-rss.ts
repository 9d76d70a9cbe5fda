/** bench/peak-rss: preloaded into a measured process (`node --import`); when it exits, writes its peak RSS in kilobytes to the file named by ERRGEN_BENCH_RSS. */
import {writeFileSync} from 'node:fs'
import process from 'node:process'

const target = process.env.ERRGEN_BENCH_RSS

if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS))
  })
}
