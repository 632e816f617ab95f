// Wallet failures outside a transaction (a refused connection or network switch) are rare, so their wording
// is loaded when one happens: the sentences for every contract error stay out of every page's first load.
/** `cancelled` replaces the sentence for a request the user declined ("Not switched: …"): nothing was being sent. */
export async function errorMessage(err: unknown, cancelled?: string): Promise<string> {
  try {
    const { describeError } = await import("@/lib/errors");
    const described = describeError(err);
    return described.kind === "cancelled" && cancelled ? cancelled : described.message;
  } catch {
    return err instanceof Error && err.message ? err.message : "The wallet reported an error.";
  }
}
