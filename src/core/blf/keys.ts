/**
 * BLF keys as a page configures them: an attribute list (`1002:Bob,1003:Carol`),
 * the same as JSON (`[{"extension":"1002","label":"Bob"}]`), or an array
 * property. Anything else is skipped, never thrown.
 */
import { cleanExtension, cleanText } from './text.js';

export interface BlfKey {
  /** The extension watched and called. */
  extension: string;
  /** What the key says ("Bob"); the extension when not given. */
  label: string;
}

/** More keys than this are ignored. */
export const MAX_KEYS = 1000;

function keyOf(item: unknown): BlfKey | null {
  if (typeof item === 'string' || typeof item === 'number') {
    const text = String(item);
    const colon = text.indexOf(':');
    const extension = cleanExtension(colon < 0 ? text : text.slice(0, colon));
    return extension ? { extension, label: cleanText(colon < 0 ? '' : text.slice(colon + 1), 40) || extension } : null;
  }
  if (!item || typeof item !== 'object') return null;
  const o = item as Record<string, unknown>;
  const extension = cleanExtension(o.extension ?? o.ext ?? o.number);
  if (!extension) return null;
  return { extension, label: cleanText(o.label ?? o.name, 40) || extension };
}

/** Keys from an attribute value or a property value, one per extension, in order. */
export function parseKeys(input: unknown): BlfKey[] {
  let list: unknown[] = [];
  if (Array.isArray(input)) list = input;
  else if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) list = parsed;
      } catch {
        console.warn('[phone] the keys attribute is not valid JSON');
      }
    } else list = text.split(/[,;\n]/);
  }
  const seen = new Set<string>();
  const keys: BlfKey[] = [];
  for (const item of list) {
    const key = keyOf(item);
    if (!key || seen.has(key.extension)) continue;
    seen.add(key.extension);
    keys.push(key);
    if (keys.length === MAX_KEYS) break;
  }
  return keys;
}
