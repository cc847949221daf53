/**
 * Unwraps message/cpim (RFC 3862), which some phones (linphone) use to carry
 * IMDN headers and receipts. Only what chat needs: the message headers
 * (lower-cased, with the IMDN namespace prefix normalised to `imdn.`), the
 * inner Content-Type and the body.
 */

export interface CpimContent {
  headers: Record<string, string>;
  contentType: string;
  body: string;
}

const splitBlock = (text: string): [string, string] => {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
};

function readHeaders(block: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return out;
}

/** The content of a message/cpim body, or null when it is not one. */
export function parseCpim(body: string): CpimContent | null {
  if (body.length > 1_000_000) return null;
  const [messageBlock, rest] = splitBlock(body);
  const [mimeBlock, inner] = splitBlock(rest);
  const messageHeaders = readHeaders(messageBlock);
  const mime = readHeaders(mimeBlock);
  const contentType = mime.find(([n]) => n === 'content-type')?.[1];
  if (!messageHeaders.length || !contentType) return null;
  // "NS: imdn <urn:ietf:params:imdn>" names the prefix the sender uses for IMDN headers.
  let prefix = 'imdn';
  for (const [name, value] of messageHeaders) {
    const ns = name === 'ns' ? /^\s*([A-Za-z0-9_-]+)\s*<urn:ietf:params:imdn>/i.exec(value) : null;
    if (ns) prefix = ns[1]!.toLowerCase();
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of messageHeaders) {
    const key = name.startsWith(`${prefix}.`) ? `imdn.${name.slice(prefix.length + 1)}` : name;
    headers[key] ??= value;
  }
  return { headers, contentType: contentType.toLowerCase(), body: inner };
}
