/**
 * A small XML reader for the event packages (dialog-info, PIDF), without the
 * DOM: DOMParser is a Trusted Types sink (on pages with
 * `require-trusted-types-for 'script'` it throws for every document) and
 * builds a whole Document per NOTIFY. This reads elements, attributes,
 * namespaces, text, CDATA and the predefined and numeric character
 * references; comments and processing instructions are skipped.
 *
 * Bodies come from the network: anything too big, with a DTD (no entity
 * expansion, ever), not well formed (unclosed or mismatched tags, an unbound
 * prefix, a bad reference, characters XML forbids) is refused as a whole
 * (null), never thrown. It reads in one pass, in time linear in the body.
 */

/** Larger bodies are refused: a busy lamp never needs more. */
export const MAX_XML_CHARS = 256 * 1024;

/** Deeper documents are refused (no event package nests more than a few levels). */
const MAX_DEPTH = 64;

export interface XmlElement {
  readonly localName: string;
  /** The element's namespace, or null for none. */
  readonly namespaceURI: string | null;
  /** Child elements, in order. */
  readonly children: readonly XmlElement[];
  /** An attribute's value as written in the document (qualified name), or null. */
  getAttribute(name: string): string | null;
  /** The text of the element and its descendants, in order. */
  readonly textContent: string;
}

class Node implements XmlElement {
  readonly children: Node[] = [];
  readonly content: Array<Node | string> = [];
  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly attributes: ReadonlyMap<string, string>,
  ) {}
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  get textContent(): string {
    return this.content.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_\u00c0-\uffff][\w.\-\u00b7-\uffff]*$/;
// Characters XML 1.0 does not allow, and unpaired surrogates.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const XML_DECL = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;
/** A tag's name, read where it starts (sticky: no copy of the rest of the body). */
const TAG_NAME = /[^\s/>]+/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const refuse = (): never => {
  throw new Error('not well-formed XML');
};

/** Replaces character and predefined entity references; anything else with `&` is refused. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,32});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) return refuse();
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    // Any number of leading zeros, as XML allows; the value is checked below.
    const m = /^#(?:x0*([0-9a-f]{1,6})|0*([0-9]{1,7}))$/i.exec(ref);
    if (!m) return refuse();
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    return ok ? String.fromCodePoint(code) : refuse();
  });
}

interface Open {
  node: Node;
  qname: string;
  scope: ReadonlyMap<string, string>;
}

/** Reads a start tag at `lt` (the '<'); returns the tag's parts and where it ends. */
function startTag(s: string, lt: number): { qname: string; attrs: Map<string, string>; selfClosing: boolean; end: number } {
  TAG_NAME.lastIndex = lt + 1;
  const qname = TAG_NAME.exec(s)?.[0] ?? refuse();
  let i = lt + 1 + qname.length;
  const attrs = new Map<string, string>();
  for (;;) {
    while (/\s/.test(s[i] ?? '')) i++;
    const ch = s[i];
    if (ch === undefined) return refuse();
    if (ch === '>') return { qname, attrs, selfClosing: false, end: i + 1 };
    if (ch === '/') return s[i + 1] === '>' ? { qname, attrs, selfClosing: true, end: i + 2 } : refuse();
    const eq = s.indexOf('=', i);
    if (eq < 0) refuse();
    const name = s.slice(i, eq).trim();
    if (!/^[^\s<>"'/=]+$/.test(name) || attrs.has(name)) refuse();
    i = eq + 1;
    while (/\s/.test(s[i] ?? '')) i++;
    const quote = s[i];
    if (quote !== '"' && quote !== "'") return refuse();
    const close = s.indexOf(quote, i + 1);
    if (close < 0) refuse();
    const raw = s.slice(i + 1, close);
    if (raw.includes('<')) refuse();
    attrs.set(name, decode(raw.replace(/[\t\n\r]/g, ' ')));
    i = close + 1;
    if (!/[\s/>]/.test(s[i] ?? '')) refuse();
  }
}

/** The namespace scope inside an element: its parent's, plus what it declares. */
function scopeOf(parent: ReadonlyMap<string, string>, attrs: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of attrs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    if (prefix && (!NAME.test(prefix) || !value)) refuse();
    scope ??= new Map(parent);
    scope.set(prefix, value);
  }
  return scope ?? parent;
}

function element(qname: string, attrs: Map<string, string>, scope: ReadonlyMap<string, string>): Node {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  if (!NAME.test(local) || (prefix && !NAME.test(prefix))) refuse();
  const ns = scope.get(prefix);
  if (prefix && ns === undefined) refuse();
  return new Node(local, ns || null, attrs);
}

function read(s: string): Node {
  const stack: Open[] = [];
  let root: Node | undefined;
  let pos = 0;
  const base: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);
  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    const text = s.slice(pos, lt < 0 ? s.length : lt);
    if (text) {
      if (text.includes(']]>')) refuse();
      const top = stack[stack.length - 1];
      if (top) top.node.content.push(decode(text));
      else if (text.trim()) refuse();
    }
    if (lt < 0) break;
    const top = stack[stack.length - 1];
    if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) refuse();
      const pi = s.slice(lt, end + 2);
      // The XML declaration, only first and well formed; other processing instructions are skipped.
      if (/^<\?xml[\s?]/i.test(pi) && (lt !== 0 || !XML_DECL.test(pi))) refuse();
      if (!/^<\?[A-Za-z_][\w.:-]*(\s|\?>)/.test(pi)) refuse();
      pos = end + 2;
    } else if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      // "--" may not appear inside a comment, nor may it end with "-".
      if (end < 0 || s.slice(lt + 4, end).includes('--') || (end - 1 >= lt + 4 && s[end - 1] === '-')) refuse();
      pos = end + 3;
    } else if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0 || !top) refuse();
      top!.node.content.push(s.slice(lt + 9, end));
      pos = end + 3;
    } else if (s.startsWith('<!', lt)) {
      refuse();
    } else if (s.startsWith('</', lt)) {
      const end = s.indexOf('>', lt);
      if (end < 0 || !top || s.slice(lt + 2, end).trim() !== top.qname) refuse();
      stack.pop();
      pos = end + 1;
    } else {
      if (root && !top) refuse(); // a second root
      const tag = startTag(s, lt);
      const scope = scopeOf(top?.scope ?? base, tag.attrs);
      const node = element(tag.qname, tag.attrs, scope);
      if (top) {
        top.node.children.push(node);
        top.node.content.push(node);
      } else root = node;
      if (!tag.selfClosing) {
        if (stack.length >= MAX_DEPTH) refuse();
        stack.push({ node, qname: tag.qname, scope });
      }
      pos = tag.end;
    }
  }
  if (!root || stack.length) refuse();
  return root!;
}

/** The document element, or null when the body is unusable. */
export function parseXml(body: unknown, max = MAX_XML_CHARS): XmlElement | null {
  if (typeof body !== 'string' || !body.trim() || body.length > max) return null;
  if (FORBIDDEN.test(body)) return null;
  try {
    // XML 1.0 §2.11: CRLF and a lone CR read as LF, before anything else.
    return read(body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body);
  } catch {
    // Refused, or anything unforeseen: the body is ignored, the phone goes on.
    return null;
  }
}

/** The element children of `parent` named `localName` in namespace `ns` (null: no namespace). */
export function childrenNamed(parent: XmlElement, ns: string | null, localName: string): XmlElement[] {
  return parent.children.filter((el) => el.localName === localName && el.namespaceURI === ns);
}

/** The first such child, if any. */
export function childNamed(parent: XmlElement, ns: string | null, localName: string): XmlElement | undefined {
  return parent.children.find((el) => el.localName === localName && el.namespaceURI === ns);
}

/** An element's text, trimmed ('' when absent). */
export const textOf = (el: XmlElement | undefined): string => el?.textContent.trim() ?? '';
