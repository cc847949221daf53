/**
 * One-click activation from the page URL: read once per window, and the
 * credentials taken out of the address bar at once (other parameters and the
 * hash kept), so a password never stays in the address bar or the history.
 */
import { readUrlParams, stripActivationParams, type ConfigInput } from './config.js';

const taken = new WeakMap<Window, ConfigInput>();

/** The activation parameters of this window's URL; the first call removes them from the address bar. */
export function takeUrlActivation(win: Window = window): ConfigInput {
  const known = taken.get(win);
  if (known) return known;
  const input = readUrlParams(win.location.search);
  taken.set(win, input);
  try {
    const clean = stripActivationParams(win.location.href);
    if (clean) win.history.replaceState(win.history.state, '', clean);
  } catch {
    // A sandboxed or opaque-origin page cannot rewrite its URL; nothing else to do.
  }
  return input;
}
