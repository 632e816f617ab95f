import dynamic from "next/dynamic";

export const metadata = { title: "Mine" };
// Code-split: the miner (and its WASM kernel in the worker) loads only on this route.
const Miner = dynamic(() => import("@/features/mine/Miner").then((m) => m.Miner));
export default function Page() {
  return <Miner />;
}
