import { expect } from '@open-wc/testing';
import { emptyDraft, type ContactDraft } from './contact.js';
import { parseVcards, toVcards } from './vcard.js';

const carol: ContactDraft = {
  ...emptyDraft(),
  firstName: 'Carol',
  lastName: 'Ng, Jr; PhD',
  company: 'Acme\\Sales',
  phones: [
    { number: '+1 555 0100', kind: 'work' },
    { number: '1003', kind: 'other' },
    { number: '+44 7700 900123', kind: 'mobile' },
    { number: '*97#', kind: 'home' },
  ],
  emails: ['carol@acme.example'],
  note: `Prefers mornings · ${'long note '.repeat(12).trim()}`,
  favorite: true,
};

describe('vCard', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`round-trips a contact through vCard ${version}`, () => {
      const text = toVcards([carol], version);
      expect(text).to.contain(`VERSION:${version}`);
      expect(text.split('\r\n').every((l) => l.length <= 75), 'folded at 75').to.equal(true);
      const { contacts, skipped } = parseVcards(text);
      expect(skipped).to.equal(0);
      // tel: URIs (4.0) cannot hold spaces: they become the visual separator '-'.
      const phones = version === '3.0' ? carol.phones : carol.phones.map((p) => ({ ...p, number: p.number.replace(/ /g, '-') }));
      expect(contacts).to.deep.equal([{ ...carol, phones }]);
    });
  }

  it('writes 4.0 numbers as tel: URIs with lower-case types', () => {
    const text = toVcards([carol], '4.0');
    expect(text).to.contain('TEL;VALUE=uri;TYPE="work,voice":tel:+1-555-0100');
    expect(text).to.contain('TEL;VALUE=uri;TYPE=cell:tel:+44-7700-900123');
    expect(text).to.contain('tel:*97%23');
  });

  it('reads an Apple-style 3.0 card: groups, repeated TYPE, folded lines, FN only', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
      'FN:Dave van der Berg',
      'item1.TEL;type=CELL;type=VOICE;type=pref:+31 6 1234',
      ' 5678',
      'item2.EMAIL;type=INTERNET:dave@example.org',
      'item2.X-ABLabel:_$!<Other>!$_',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVcards(text).contacts).to.deep.equal([
      { ...emptyDraft(), firstName: 'Dave van der', lastName: 'Berg', phones: [{ number: '+31 6 12345678', kind: 'mobile' }], emails: ['dave@example.org'] },
    ]);
  });

  it('reads a Google-style 4.0 card with LF line ends and a starred category', () => {
    const text = 'BEGIN:VCARD\nVERSION:4.0\nN:Ito;Erin;;;\nFN:Erin Ito\nTEL;TYPE="work,voice";VALUE=uri:tel:+1-555-0199;ext=12\nCATEGORIES:myContacts,starred\nEND:VCARD\n';
    expect(parseVcards(text).contacts).to.deep.equal([
      { ...emptyDraft(), firstName: 'Erin', lastName: 'Ito', phones: [{ number: '+1-555-0199', kind: 'work' }], favorite: true },
    ]);
  });

  it('reads vCard 2.1: bare types and quoted-printable with a soft break', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=\r\n=C3=BCrgen\r\nTEL;WORK;VOICE:030 1234\r\nEND:VCARD';
    expect(parseVcards(text).contacts).to.deep.equal([{ ...emptyDraft(), firstName: 'Jürgen', lastName: 'Müller', phones: [{ number: '030 1234', kind: 'work' }] }]);
  });

  it('reads several cards and counts the ones that name nobody or never end', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Frank',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'NOTE:nobody here',
      'END:VCARD',
      'garbage line',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Grace',
      'BEGIN:VCARD',
      'FN:Heidi',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Ivan',
    ].join('\r\n');
    const { contacts, skipped } = parseVcards(text);
    expect(contacts.map((c) => c.firstName)).to.deep.equal(['Frank', 'Heidi']);
    expect(skipped).to.equal(3);
  });

  it('never lets a hostile card through unclean, and throws for nothing', () => {
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<script>alert(1)</script>\u202E${'A'.repeat(5000)}\r\nTEL:${'9'.repeat(500)}\r\nEMAIL:not an email\r\nEND:VCARD`;
    const [c] = parseVcards(text).contacts;
    expect(c!.firstName.length + c!.lastName.length).to.be.at.most(120);
    expect(c!.firstName).to.not.match(/\u202e/);
    expect(c!.phones[0]!.number.length).to.be.at.most(64);
    expect(c!.emails).to.deep.equal([]);
    for (const junk of [null, 42, '', ':::', 'BEGIN:VCARD', '\\'.repeat(1000), 'x'.repeat(3 * 1024 * 1024)]) {
      expect(() => parseVcards(junk)).to.not.throw();
    }
    expect(parseVcards('x'.repeat(3 * 1024 * 1024)).contacts).to.deep.equal([]);
  });

  it('exports nothing for no contacts', () => {
    expect(toVcards([], '3.0')).to.equal('');
  });
});
