// The committed kernel module is exactly what the generator produces, and the core stays portable (it also
// runs in the dApp's Web Worker): no Node modules, no Buffer, no process, no filesystem.
import { expect } from "chai";
import { readFileSync } from "fs";
import { dirname, join } from "path";
import { GENERATED_PATH, generatedModuleSource } from "@numi/miner/wasm/generate";
import { portableSources } from "@numi/miner/cli/workerScript";

describe("miner core: generated module and portability", function () {
  it("keccakWasm.generated.ts is up to date with keccakWat.ts (run npm run generate -w @numi/miner)", async function () {
    expect(readFileSync(GENERATED_PATH, "utf8")).to.equal(await generatedModuleSource());
  });

  it("what runs in a browser worker imports only itself and uses no Node-only API", function () {
    const root = join(require.resolve("@numi/miner"), "..");
    const runtime = portableSources();
    expect(runtime).to.include.members(["core/index.ts", "core/searcher.ts", "core/keccakWasm.generated.ts"]);
    for (const file of runtime) {
      const source = readFileSync(join(root, file), "utf8");
      for (const match of source.matchAll(/from\s+"([^"]+)"/g)) {
        const imported = join(dirname(file), match[1]);
        const resolved = [`${imported}.ts`, join(imported, "index.ts")];
        expect(
          resolved.some((r) => runtime.includes(r)),
          `${file} imports ${match[1]}`,
        ).to.equal(true);
      }
      expect(source, file).not.to.match(/\brequire\(|\bprocess\.|\bBuffer\b|\bglobal\./);
    }
  });
});
