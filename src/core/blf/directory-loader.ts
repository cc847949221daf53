/**
 * Fetches a directory JSON file the page points to. Only http(s), at most
 * `MAX_DIRECTORY_CHARS`, and every failure becomes an Error whose message can
 * be shown as is.
 */
import { msg, str } from '@lit/localize';
import { parseDirectory, type DirectoryEntry } from './directory.js';

export const MAX_DIRECTORY_CHARS = 4 * 1024 * 1024;

export async function fetchDirectory(src: string, signal: AbortSignal): Promise<{ entries: DirectoryEntry[]; skipped: number }> {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new Error(msg('The directory address is not valid.'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(msg('The directory address must be an http(s) URL.'));
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(msg('The directory could not be loaded (network error).'));
  }
  if (!response.ok) throw new Error(msg(str`The directory could not be loaded (${response.status}).`));
  if (Number(response.headers.get('content-length') ?? 0) > MAX_DIRECTORY_CHARS) throw new Error(msg('The directory file is too large.'));
  const text = await response.text();
  if (text.length > MAX_DIRECTORY_CHARS) throw new Error(msg('The directory file is too large.'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(msg('The directory file is not valid JSON.'));
  }
  return parseDirectory(data);
}
