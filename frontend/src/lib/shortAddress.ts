// Its own module because the layout's account button needs only this: importing lib/format or lib/address
// there would copy their other helpers (amount formatting, checksum validation) into the layout's startup chunk.
/** 0x1234…abcd: an address short enough for a header or a table cell; the full one goes in its title. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
