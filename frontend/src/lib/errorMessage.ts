// Wallet failures outside a transaction (a refused connection or network switch) are rare, so their wording
// is loaded when one happens: the sentences for every contract error stay out of every page's first load.
export async function errorMessage(err: unknown): Promise<string> {
  try {
    const { describeError } = await import("@/lib/errors");
    return describeError(err).message;
  } catch {
    return err instanceof Error && err.message ? err.message : "The wallet reported an error.";
  }
}
