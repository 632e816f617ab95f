// Public entry of the NUMI mining core, shared by the CLI workers and the dApp's Web Worker.
export { createSearcher, createSearcherAsync, compileKernel, compileKernelAsync, simdSupported, kernelBytes } from "./searcher";
export type { Searcher, SearchResult, SearcherOptions, KernelKind, KernelModule } from "./searcher";
export { expectedHashes } from "./difficulty";
export { hexToBytes, bytesToHex, MAX_UINT256 } from "./hex";
