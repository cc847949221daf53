// The page-given data: keys, the directory, and the text cleaning they share.
import { expect } from '@open-wc/testing';
import { parseDirectory, searchDirectory } from './directory.js';
import { parseKeys } from './keys.js';
import { cleanExtension, cleanText } from './text.js';

describe('keys', () => {
  it('reads the attribute list, with and without labels, skipping junk and repeats', () => {
    expect(parseKeys('1002:Bob, 1003:Carol ;1004\n  ,,:x, 1002:Again, <b>:y')).to.deep.equal([
      { extension: '1002', label: 'Bob' },
      { extension: '1003', label: 'Carol' },
      { extension: '1004', label: '1004' },
    ]);
  });

  it('reads JSON and array properties in several shapes', () => {
    expect(parseKeys('[{"extension":"1002","label":"Bob"},{"ext":1003,"name":"Carol"},"1004:Dave",null,{"label":"no ext"}]')).to.deep.equal([
      { extension: '1002', label: 'Bob' },
      { extension: '1003', label: 'Carol' },
      { extension: '1004', label: 'Dave' },
    ]);
    expect(parseKeys([{ extension: 'reception', label: 'Front desk' }])).to.deep.equal([{ extension: 'reception', label: 'Front desk' }]);
  });

  it('returns no keys for broken JSON or other values', () => {
    for (const bad of ['[{"extension":', '{}', 42, null, undefined, { extension: '1002' }]) expect(parseKeys(bad)).to.deep.equal([]);
  });

  it('caps the number of keys at 1000', () => {
    expect(parseKeys(Array.from({ length: 1500 }, (_, i) => String(2000 + i)))).to.have.length(1000);
  });
});

describe('directory', () => {
  it('reads PBX export shapes: a bare array, wrapped lists, first/last names, numbers', () => {
    const { entries, skipped } = parseDirectory({
      entries: [
        { extension: '1002', name: 'Bob' },
        { ext: 1003, first_name: 'Carol', last_name: 'Ng', department: 'Sales' },
        { number: '1004' },
        '1005:Erin',
        { name: 'no extension' },
        { extension: '1002', name: 'Bob again' },
        { extension: 'a b <c>' },
      ],
    });
    expect(entries).to.deep.equal([
      { extension: '1002', name: 'Bob' },
      { extension: '1003', name: 'Carol Ng', firstName: 'Carol', lastName: 'Ng', department: 'Sales' },
      { extension: '1004', name: '1004' },
      { extension: '1005', name: 'Erin' },
    ]);
    expect(skipped).to.equal(3);
    expect(parseDirectory([{ extension: '7' }]).entries).to.have.length(1);
    for (const bad of [null, 'x', 42, { entries: 'no' }]) expect(parseDirectory(bad).entries).to.deep.equal([]);
  });

  it('searches names, extensions and departments, ignoring accents and case', () => {
    const { entries } = parseDirectory([
      { extension: '1002', name: 'José Álvarez', department: 'Support' },
      { extension: '1003', name: 'Carol Ng', department: 'Sales' },
    ]);
    expect(searchDirectory(entries, 'jose').map((e) => e.extension)).to.deep.equal(['1002']);
    expect(searchDirectory(entries, 'SALES carol').map((e) => e.extension)).to.deep.equal(['1003']);
    expect(searchDirectory(entries, '100').map((e) => e.extension)).to.deep.equal(['1002', '1003']);
    expect(searchDirectory(entries, '  ')).to.have.length(2);
    expect(searchDirectory(entries, 'nobody')).to.deep.equal([]);
  });
});

describe('text cleaning', () => {
  it('removes controls and bidi overrides, collapses spaces, bounds the length', () => {
    expect(cleanText('  Bob\u0007\u202E  Smith\n')).to.equal('Bob Smith');
    expect(cleanText('x'.repeat(100), 10)).to.equal(`${'x'.repeat(9)}…`);
    expect(cleanText('😀'.repeat(20), 7)).to.not.match(/[\ud800-\udbff]…$/);
    expect(cleanText(42)).to.equal('');
  });

  it('keeps dialable extensions and SIP user names only', () => {
    expect(cleanExtension(' 10-02 ')).to.equal('1002');
    expect(cleanExtension(1003)).to.equal('1003');
    expect(cleanExtension('*97')).to.equal('*97');
    expect(cleanExtension('sales.team')).to.equal('sales.team');
    for (const bad of ['', '<b>', 'a@b', -1, 1.5, '9'.repeat(65), null]) expect(cleanExtension(bad), String(bad)).to.equal('');
  });
});
