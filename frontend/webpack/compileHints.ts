// Explicit JavaScript compile hints (V8, Chrome 136+): a script that starts with `//# allFunctionsCalledOnLoad`
// has all its functions compiled eagerly on the background thread that streams it, instead of lazily on the
// main thread the first time each is called. Only chunks that can be part of a page's initial load get the
// hint; chunks loaded on demand keep lazy compilation. Other engines ignore the comment. Why, and what it
// measured: docs/adr/0005-compile-hints.md.

// The slice of webpack's API this plugin uses (Next bundles webpack and types it as `any`).
interface Source {
  source(): string | Buffer;
}
interface Compilation {
  chunks: Iterable<{ canBeInitial(): boolean; files: Iterable<string> }>;
  hooks: { processAssets: { tap(options: { name: string; stage: number }, fn: () => void): void } };
  updateAsset(file: string, update: (source: Source) => Source): void;
}
interface Compiler {
  webpack: {
    Compilation: { PROCESS_ASSETS_STAGE_DEV_TOOLING: number };
    sources: { ConcatSource: new (...parts: Array<string | Source>) => Source };
  };
  hooks: { thisCompilation: { tap(name: string, fn: (compilation: Compilation) => void): void } };
}

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

export class CompileHintsPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CompileHintsPlugin", (compilation) => {
      // After minification (which would drop the comment), before the content hashes are finalised.
      compilation.hooks.processAssets.tap(
        { name: "CompileHintsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING },
        () => {
          for (const chunk of compilation.chunks) {
            if (!chunk.canBeInitial()) continue;
            for (const file of chunk.files) {
              if (!file.endsWith(".js")) continue;
              compilation.updateAsset(file, (source) => new sources.ConcatSource(COMPILE_HINT, source));
            }
          }
        },
      );
    });
  }
}
