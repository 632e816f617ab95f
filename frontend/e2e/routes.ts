// The dApp's routes and the two screen sizes the browser tests check them at.

/** Every page of the main navigation. */
export const ROUTES = ["/", "/send", "/receive", "/mine", "/pool", "/governance", "/activity", "/analytics"];
/** The navigation's pages and the offline fallback page. */
export const ALL_ROUTES = [...ROUTES, "/~offline"];
/** Desktop and phone (#16). */
export const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
export type Size = (typeof SIZES)[number];
