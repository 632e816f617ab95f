// worker_threads only start .js files: this entry registers ts-node (transpile only, no type check: ~0.3 s)
// and runs the TypeScript worker.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
require("./worker.ts");
