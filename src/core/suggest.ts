import { normalizeNumber } from './dial-target.js';
import type { RecentCall } from './types.js';

export interface Suggestion {
  number: string;
  name?: string;
  /** Where it comes from, for the screen: "Recent", "Contact". */
  source: string;
}

/**
 * Numbers worth offering while the user types: recent calls (and, later,
 * contacts) whose number contains the typed digits or whose name contains the
 * typed text; one entry per number, most recent first.
 */
export function suggest(
  typed: string,
  recent: readonly RecentCall[],
  limit = 5,
  contacts: ReadonlyArray<{ name: string; number: string }> = [],
): Suggestion[] {
  const text = typed.trim().toLowerCase();
  if (!text) return [];
  const digits = normalizeNumber(typed);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const c of contacts) {
    if (seen.has(c.number) || c.number === typed.trim()) continue;
    const byNumber = digits ? normalizeNumber(c.number).includes(digits) : false;
    if (!byNumber && !c.name.toLowerCase().includes(text)) continue;
    seen.add(c.number);
    out.push({ number: c.number, ...(c.name ? { name: c.name } : {}), source: 'Contact' });
    if (out.length >= limit) return out;
  }
  for (const r of recent) {
    if (seen.has(r.number)) continue;
    const byNumber = digits ? r.number.includes(digits) : r.number.toLowerCase().includes(text);
    const byName = r.name?.toLowerCase().includes(text) ?? false;
    if (!byNumber && !byName) continue;
    if (r.number === typed.trim()) continue;
    seen.add(r.number);
    out.push({ number: r.number, ...(r.name ? { name: r.name } : {}), source: 'Recent' });
    if (out.length >= limit) break;
  }
  return out;
}
