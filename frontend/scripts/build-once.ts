// `npm run build:once -w frontend -- <rpcUrl> [indexerUrl|off]`: the production build for these endpoints, skipped
// when the last one was for the same endpoints and sources (scripts/buildFor.ts). `npm start` runs it.
import { buildFor } from "./buildFor";

const [rpcUrl, indexerUrl = "off"] = process.argv.slice(2).filter((a) => a !== "--");
if (!rpcUrl) {
  console.error("usage: build-once <rpcUrl> [indexerUrl|off]");
  process.exit(2);
}
const log: string[] = [];
buildFor(rpcUrl, log, indexerUrl).then(
  (built) => console.log(built ? "Built the dApp." : "The dApp's build is up to date: reused."),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
