/**
 * The `+sip.instance` of an account in this browser (RFC 5626): the same on
 * every load, so a reload replaces its registration instead of adding one.
 * Not a secret; kept in localStorage, or made up per load when storage is off.
 */
const memory = new Map<string, string>();

export function instanceId(account: string): string {
  const key = `phone-widget:instance:${account.toLowerCase()}`;
  try {
    let id = localStorage.getItem(key);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(key, id);
    }
    return id;
  } catch {
    if (!memory.has(key)) memory.set(key, crypto.randomUUID());
    return memory.get(key)!;
  }
}
