/**
 * Files sent over MESSAGE: a small body in its own MIME type, base64
 * encoded (`Content-Transfer-Encoding: base64`), its name in
 * `Content-Disposition: attachment; filename*=UTF-8''…`.
 */
import { msg, str } from '@lit/localize';

/**
 * The default largest file, in KB. A file travels base64 in one MESSAGE (a
 * third bigger), and SIP servers read a WebSocket message into a fixed
 * buffer: Kamailio's default (`tcp_rd_buf_size`, 16 KB) drops the connection,
 * calls included, for anything bigger. 10 KB stays under it with every
 * header; raise it together with the server's buffer.
 */
export const DEFAULT_MAX_ATTACHMENT_KB = 10;
/** Never accepted, whatever the page configures: one MESSAGE must stay small. */
export const HARD_MAX_ATTACHMENT_KB = 512;

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;

/** A MIME type safe to put in a header and a data: URL; anything odd becomes application/octet-stream. */
export function cleanMimeType(type: string | undefined): string {
  const t = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return MIME.test(t) ? t : 'application/octet-stream';
}

/** Removes halves of surrogate pairs that stand alone (they cannot be encoded). */
export const dropLoneSurrogates = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

/** A file name without paths or control characters, at most 100 characters. */
export function cleanFileName(name: string | undefined, type = 'application/octet-stream'): string {
  // eslint-disable-next-line no-control-regex
  const base = dropLoneSurrogates(name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const clean = [...base].slice(0, 100).join('').replace(/^\.+/, '');
  if (clean) return clean;
  const ext = type.split('/')[1]?.split(/[+.]/)[0];
  return ext && /^[a-z0-9]{1,8}$/.test(ext) ? `attachment.${ext}` : 'attachment';
}

/** Reads the file name of `Content-Disposition: attachment; filename="a.png"` or `filename*=UTF-8''a%20b.png`. */
export function fileNameFromDisposition(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim());
    } catch {
      return undefined;
    }
  }
  return /filename\s*=\s*"([^"]*)"/.exec(value)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(value)?.[1];
}

export function contentDisposition(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function base64FromBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64 body (line breaks allowed), or null when it is not base64. */
export function bytesFromBase64(body: string): Uint8Array | null {
  const compact = body.replace(/[\r\n\t ]/g, '');
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  try {
    const binary = atob(compact);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The decoded size of a base64 string, without decoding it. */
export function base64Size(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

/** "900 B", "12 KB", "1.5 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Says why a file is too big, or null when it may be sent. */
export function refuseSize(name: string, size: number, maxKb: number): string | null {
  const limit = Math.min(Math.max(1, maxKb), HARD_MAX_ATTACHMENT_KB) * 1024;
  if (size <= limit) return null;
  const actual = formatSize(size);
  const most = formatSize(limit);
  return msg(str`“${name}” is ${actual}: files up to ${most} can be sent.`);
}

/** Raster images shown inline (never SVG, which can carry script). */
export function isPreviewable(type: string): boolean {
  return /^image\/(png|jpeg|gif|webp)$/.test(type);
}

/** A data: URL for a stored attachment (its type is cleaned again here). */
export function dataUrl(type: string, base64: string): string {
  return `data:${cleanMimeType(type)};base64,${base64}`;
}
