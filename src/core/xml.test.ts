import { expect } from '@open-wc/testing';
import { childNamed, childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';

/** The same tree as the browser's DOMParser reads it, for comparison. */
interface Plain {
  name: string;
  ns: string | null;
  attrs: Record<string, string>;
  text: string;
  children: Plain[];
}
const fromDom = (el: Element): Plain => ({
  name: el.localName,
  ns: el.namespaceURI,
  attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
  text: el.textContent ?? '',
  children: [...el.children].map(fromDom),
});
const fromOurs = (el: XmlElement, dom: Element): Plain => ({
  name: el.localName,
  ns: el.namespaceURI,
  attrs: Object.fromEntries([...dom.attributes].map((a) => [a.name, el.getAttribute(a.name) ?? '(missing)'])),
  text: el.textContent,
  children: el.children.map((c, i) => fromOurs(c, dom.children[i] ?? dom)),
});
function domParse(body: string): Element | null {
  const doc = new DOMParser().parseFromString(body, 'application/xml');
  return doc.getElementsByTagName('parsererror').length ? null : doc.documentElement;
}

describe('xml reader (no DOM)', () => {
  it('reads elements, attributes, namespaces with and without prefixes, text, CDATA and references', () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<d:dialog-info xmlns:d="urn:a" xmlns="urn:b" version='3' note="a &amp; b &#x41;&#66;">
  <d:dialog id="x"><d:state>con<![CDATA[fir<>]]>med</d:state><plain/></d:dialog>
  <other xmlns=""><inner>t &lt;1&gt;</inner></other>
</d:dialog-info>
<?pi after?>`)!;
    expect(root.localName).to.equal('dialog-info');
    expect(root.namespaceURI).to.equal('urn:a');
    expect(root.getAttribute('version')).to.equal('3');
    expect(root.getAttribute('note')).to.equal('a & b AB');
    expect(root.getAttribute('missing')).to.equal(null);
    const dialog = childNamed(root, 'urn:a', 'dialog')!;
    expect(textOf(childNamed(dialog, 'urn:a', 'state'))).to.equal('confir<>med');
    expect(childNamed(dialog, 'urn:b', 'plain')).to.exist;
    const other = childNamed(root, null, 'other')!;
    expect(textOf(other)).to.equal('t <1>');
    expect(childrenNamed(root, 'urn:b', 'other'), 'xmlns="" undoes the default namespace').to.deep.equal([]);
  });

  it('refuses what is not well-formed XML, or has a DTD', () => {
    const bad = [
      '<a>',
      '<a></b>',
      '<a><b></a></b>',
      '<a/><b/>',
      'text<a/>',
      '<a/>text',
      '<p:a/>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a x="<"/>',
      '<a>&nbsp;</a>',
      '<a>AT&T</a>',
      '<a>&#0;</a>',
      '<a>&#xD800;</a>',
      '<a>&#x110000;</a>',
      '<a>\u0000</a>',
      '<a>\ud800</a>',
      '<!DOCTYPE a><a/>',
      '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
      '<a><!-- never closed </a>',
      '<a><![CDATA[ never closed </a>',
      '<a xmlns:p=""><p:b/></a>',
      `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`,
      '',
      '   ',
    ];
    for (const body of bad) expect(parseXml(body), JSON.stringify(body.slice(0, 50))).to.equal(null);
  });

  it('reads generated documents exactly as the browser does', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pick = <T>(a: readonly T[]) => a[rand(a.length)]!;
    const texts = ['', 'x', ' a b ', '&amp;', '&lt;tag&gt;', '&#233;', '😀', "it's", '"q"', '\n\t'];
    const names = ['a', 'dialog', 'state', 'p:x', 'q:y', 'z'];
    const gen = (depth: number): string => {
      const name = pick(names);
      const attrs = rand(3) ? ` id="${pick(texts).replace(/"/g, '&quot;')}"` : '';
      const decl = rand(4) === 0 ? ` xmlns="urn:${rand(3)}"` : rand(4) === 0 ? ` xmlns:p="urn:p${rand(2)}"` : '';
      const kids = depth > 0 ? Array.from({ length: rand(4) }, () => (rand(3) ? gen(depth - 1) : pick(texts))).join('') : pick(texts);
      return `<${name}${decl}${attrs}>${kids}</${name}>`;
    };
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const body = `<root xmlns:p="urn:p" xmlns:q="urn:q">${gen(3)}</root>`;
      const dom = domParse(body);
      const ours = parseXml(body);
      expect(ours === null, `accepted alike: ${body}`).to.equal(dom === null);
      if (!dom || !ours) continue;
      expect(fromOurs(ours, dom), body).to.deep.equal(fromDom(dom));
      compared++;
    }
    expect(compared).to.be.greaterThan(300);
  });

  it('refuses broken documents exactly when the browser does', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const base = `<?xml version="1.0"?><d:info xmlns:d="urn:d" xmlns="urn:x" v="1"><d:e id="a&amp;b">t&lt;x <![CDATA[c]]></d:e><!-- c --><f a='1'/></d:info>`;
    const bits = ['<', '>', '&', '"', "'", '/', '=', ':', ' ', '<!--', '-->', ']]>', '&amp;', '&#65;', '&#0;', 'd:', 'xmlns:q="u"', '<?', '?>', '\u0001', '😀'];
    const disagreements: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let body = base;
      for (let k = 0; k < 1 + rand(3); k++) {
        const at = rand(body.length + 1);
        body = rand(2) ? body.slice(0, at) + bits[rand(bits.length)] + body.slice(at) : body.slice(0, at) + body.slice(at + 1 + rand(4));
      }
      if ((parseXml(body) === null) !== (domParse(body) === null)) disagreements.push(body);
    }
    expect(disagreements.slice(0, 5)).to.deep.equal([]);
  });

  it('reads a large body in linear time', () => {
    const body = (n: number) => `<a>${'<b x="1">t</b>'.repeat(n)}</a>`;
    const time = (n: number) => {
      const t = performance.now();
      expect(parseXml(body(n), Infinity)!.children).to.have.length(n);
      return performance.now() - t;
    };
    time(2000);
    const small = Math.max(time(4000), 1);
    const big = time(32000);
    expect(big / small, `${small.toFixed(1)} ms for 4000 elements, ${big.toFixed(1)} ms for 32000`).to.be.below(30);
  });
});
