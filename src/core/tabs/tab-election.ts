/**
 * Elects one tab (or one phone of a page) per key with the Web Locks API.
 * The elected holder keeps the lock while it lives; the browser releases it
 * when the tab closes or crashes, and the next waiting tab is elected.
 * Without the Web Locks API (an insecure page) every tab leads by itself.
 */

export interface ElectionRoles {
  /** This tab holds the lock: it does the work for every tab. */
  lead(): void;
  /** Another tab holds the lock; `lead` follows if that one goes away. */
  follow(): void;
}

/** Starts the election; the returned function leaves it (releases the lock, or stops waiting for it). */
export function elect(name: string, roles: ElectionRoles, locks: LockManager | null | undefined = globalThis.navigator?.locks): () => void {
  if (!locks) {
    roles.lead();
    return () => undefined;
  }
  let left = false;
  let release: (() => void) | undefined;
  const abort = new AbortController();
  const hold = (): Promise<void> => {
    roles.lead();
    return new Promise<void>((resolve) => (release = resolve));
  };
  const queue = (): void => {
    locks.request(name, { signal: abort.signal }, () => (left ? undefined : hold())).catch(() => undefined);
  };
  locks
    .request(name, { ifAvailable: true }, (lock) => {
      if (left) return undefined;
      if (lock) return hold();
      roles.follow();
      queue();
      return undefined;
    })
    .catch(() => undefined);
  return () => {
    left = true;
    abort.abort();
    release?.();
  };
}
