// The committed kernel module is exactly what the generator produces, and the core stays portable (it also
// runs in the dApp's Web Worker): no Node modules, no Buffer, no process, no filesystem.
import { expect } from "chai";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { GENERATED_PATH, generatedModuleSource } from "../../scripts/miner/core/generate";

const CORE_DIR = join(__dirname, "../../scripts/miner/core");
/** Build-time files: they run under Node to produce the generated module. */
const BUILD_ONLY = new Set(["generate.ts", "keccakWat.ts"]);

describe("miner core: generated module and portability", function () {
  it("keccakWasm.generated.ts is up to date with keccakWat.ts (run scripts/miner/core/generate.ts)", async function () {
    expect(readFileSync(GENERATED_PATH, "utf8")).to.equal(await generatedModuleSource());
  });

  it("the runtime files of the core import only each other and use no Node-only API", function () {
    const runtime = readdirSync(CORE_DIR).filter((f) => f.endsWith(".ts") && !BUILD_ONLY.has(f));
    expect(runtime).to.include.members(["index.ts", "searcher.ts", "keccakWasm.generated.ts"]);
    for (const file of runtime) {
      const source = readFileSync(join(CORE_DIR, file), "utf8");
      for (const match of source.matchAll(/from\s+"([^"]+)"/g)) {
        expect(match[1], `${file} imports ${match[1]}`).to.match(/^\.\/[a-zA-Z.]+$/);
        expect(BUILD_ONLY.has(match[1].slice(2) + ".ts"), `${file} imports build-time ${match[1]}`).to.equal(false);
      }
      expect(source, file).not.to.match(/\brequire\(|\bprocess\.|\bBuffer\b|\bglobal\./);
    }
  });
});
