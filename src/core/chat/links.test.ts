import { expect } from '@open-wc/testing';
import { linkify, safeHref } from './links.js';

const links = (text: string) => linkify(text).filter((p) => p.href).map((p) => [p.text, p.href]);

describe('linkify', () => {
  it('finds http and https links and gives the text back whole', () => {
    const text = 'See https://example.com/a?b=1#c and http://intranet.local:8080/x.';
    expect(links(text)).to.deep.equal([
      ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
      ['http://intranet.local:8080/x', 'http://intranet.local:8080/x'],
    ]);
    expect(linkify(text).map((p) => p.text).join('')).to.equal(text);
  });

  it('leaves the sentence punctuation out, keeps balanced parentheses in', () => {
    expect(links('(https://example.com/wiki/A_(b))')).to.deep.equal([['https://example.com/wiki/A_(b)', 'https://example.com/wiki/A_(b)']]);
    expect(links('go to https://example.com/!?')).to.deep.equal([['https://example.com/', 'https://example.com/']]);
    expect(links('"https://example.com/q"')).to.deep.equal([['https://example.com/q', 'https://example.com/q']]);
  });

  it('makes www. addresses https links', () => {
    expect(links('www.example.org/page')).to.deep.equal([['www.example.org/page', 'https://www.example.org/page']]);
  });

  it('never links other schemes or broken addresses', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://example.com',
      'https://',
      'http://[bad',
      '<a href="javascript:alert(1)">https</a>',
    ]) {
      expect(links(text), text).to.deep.equal([]);
    }
  });

  it('stops a link at quotes and angle brackets, so markup never rides along', () => {
    const parts = linkify('https://evil.example/"onmouseover="alert(1)<script>');
    expect(parts[0]).to.deep.equal({ text: 'https://evil.example/', href: 'https://evil.example/' });
    expect(parts.map((p) => p.text).join('')).to.equal('https://evil.example/"onmouseover="alert(1)<script>');
  });

  it('normalises what it links through the URL parser', () => {
    expect(safeHref('https://EXAMPLE.com/a b')).to.equal('https://example.com/a%20b');
    expect(safeHref('https://user:pw@example.com/')).to.equal('https://user:pw@example.com/');
    expect(safeHref('mailto:a@b.c')).to.equal(null);
  });

  it('handles long text quickly', () => {
    const text = `${'word '.repeat(20000)}https://example.com ${'x'.repeat(50000)}`;
    const start = performance.now();
    expect(links(text)).to.have.length(1);
    expect(performance.now() - start).to.be.below(200);
  });
});
