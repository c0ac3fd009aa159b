const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client URL's id is a UUID; anything else is a client that does not exist (not a "bad request"). */
export function isClientId(id: string): boolean {
  return UUID.test(id);
}

/** Where to go back to: an in-app path handed over by the page that opened this one, else `fallback`. */
export function safeReturnUrl(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && candidate.startsWith('/') && !candidate.startsWith('//')
    ? candidate
    : fallback;
}
