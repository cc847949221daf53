/**
 * While the phone runs its SIP agent it must be able to ring: Chrome does not
 * freeze (or put in the back/forward cache) a page that holds a Web Lock, so
 * the phone holds one of its own, named for this page alone so that it never
 * waits for another tab. Released when the agent stops. Where the Web Locks
 * API is missing (a page that is not a secure context) this does nothing.
 */
export function keepAwake(): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const name = `phone-widget:awake:${Math.random().toString(36).slice(2)}`;
  locks.request(name, () => held).catch(() => undefined);
  return release;
}
