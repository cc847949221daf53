import { expect } from '@open-wc/testing';
import {
  base64FromBytes,
  base64Size,
  bytesFromBase64,
  cleanFileName,
  cleanMimeType,
  contentDisposition,
  dataUrl,
  fileNameFromDisposition,
  formatSize,
  isPreviewable,
  refuseSize,
} from './attachment.js';

describe('attachments', () => {
  it('round-trips bytes through base64, big files included', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const b64 = base64FromBytes(bytes);
    expect(base64Size(b64)).to.equal(bytes.length);
    expect(bytesFromBase64(b64)).to.deep.equal(bytes);
    expect(bytesFromBase64(b64.replace(/(.{76})/g, '$1\r\n'))).to.deep.equal(bytes);
  });

  it('refuses what is not base64', () => {
    for (const bad of ['', 'abc', '%%%%', '<svg onload=alert(1)>', 'ab=c', 'a'.repeat(5)]) expect(bytesFromBase64(bad), bad).to.equal(null);
  });

  it('keeps only plain MIME types', () => {
    expect(cleanMimeType('Image/PNG; name=x')).to.equal('image/png');
    expect(cleanMimeType('text/html;base64,PHNjcmlwdD4')).to.equal('text/html');
    for (const bad of ['', 'png', 'text/html,<script>', 'a/b c', 'image/png"onerror', '/x']) expect(cleanMimeType(bad), bad).to.equal('application/octet-stream');
  });

  it('strips paths and control characters from file names', () => {
    expect(cleanFileName('../../etc/passwd')).to.equal('passwd');
    expect(cleanFileName('C:\\Users\\a\\report.pdf')).to.equal('report.pdf');
    expect(cleanFileName('a\u0000b<c>.txt')).to.equal('abc.txt');
    expect(cleanFileName('evil\u202etxt.exe')).to.equal('eviltxt.exe');
    expect(cleanFileName('a\ud800b😀.txt')).to.equal('ab😀.txt');
    expect(() => contentDisposition(cleanFileName('\udc00x'))).not.to.throw();
    expect(cleanFileName('', 'image/png')).to.equal('attachment.png');
    expect(cleanFileName('...', 'application/x-what+ever')).to.equal('attachment');
  });

  it('writes and reads Content-Disposition with non-ASCII names', () => {
    const header = contentDisposition('Rapport été "final".pdf');
    expect(header).not.to.match(/[^\x20-\x7e]/);
    expect(fileNameFromDisposition(header)).to.equal('Rapport été "final".pdf');
    expect(fileNameFromDisposition('attachment; filename="a.png"')).to.equal('a.png');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A")).to.equal(undefined);
    expect(fileNameFromDisposition(undefined)).to.equal(undefined);
  });

  it('refuses files above the limit with a clear sentence', () => {
    expect(refuseSize('a.png', 64 * 1024, 64)).to.equal(null);
    expect(refuseSize('big.png', 64 * 1024 + 1, 64)).to.equal('“big.png” is 64 KB: files up to 64 KB can be sent.');
    expect(refuseSize('huge.bin', 3 * 1024 * 1024, 64)).to.equal('“huge.bin” is 3.0 MB: files up to 64 KB can be sent.');
    expect(refuseSize('x', 600 * 1024, 100000)).to.contain('files up to 512 KB');
  });

  it('previews raster images only, never SVG', () => {
    expect(isPreviewable('image/png')).to.equal(true);
    expect(isPreviewable('image/svg+xml')).to.equal(false);
    expect(isPreviewable('text/html')).to.equal(false);
    expect(dataUrl('text/html;x', 'QQ==')).to.equal('data:text/html;base64,QQ==');
    expect(formatSize(900)).to.equal('900 B');
  });
});
