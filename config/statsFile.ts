import fs from 'node:fs'
import type { Compiler } from 'webpack'

/** Writes which modules went into which chunk (BANSHI_STATS=path), for size work; off by default. */
export class StatsFilePlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('StatsFilePlugin', (stats) => {
      const json = stats.toJson({ all: false, chunks: true, chunkModules: true, modules: false, nestedModules: true, dependentModules: true, assets: true, entrypoints: true, chunkGroups: true, chunkModulesSpace: Infinity, nestedModulesSpace: Infinity, cachedModules: true, groupModulesByCacheStatus: false })
      fs.writeFileSync(this.file, JSON.stringify(json))
    })
  }
}
