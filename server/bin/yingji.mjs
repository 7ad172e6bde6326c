#!/usr/bin/env node
// `npx yingji …` and `npm start`: run the TypeScript CLI through tsx's loader (no build step).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2))
