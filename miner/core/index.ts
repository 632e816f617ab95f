// The NUMI search core: the WASM Keccak kernels and the searcher that drives them, with no Node or DOM API.
export {
  createSearcher,
  createSearcherAsync,
  compileKernel,
  compileKernelAsync,
  simdSupported,
  kernelBytes,
} from "./searcher";
export type { Searcher, SearchResult, SearcherOptions, KernelKind, KernelModule } from "./searcher";
export { expectedHashes } from "./expectedHashes";
export { hexToBytes, bytesToHex, MAX_UINT256 } from "./hex";
