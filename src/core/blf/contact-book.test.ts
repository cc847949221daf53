import { expect } from '@open-wc/testing';
import { ContactBook, type ContactBookState } from './contact-book.js';
import { emptyDraft } from './contact.js';

const unique = () => `sip:t${Date.now()}${Math.floor(Math.random() * 1e6)}@phone.test`;

/** A book opened on `account`, once its stored contacts are read. */
async function opened(account: string): Promise<ContactBook> {
  const book = new ContactBook();
  const loaded = new Promise<void>((resolve) => book.on('change', (s: ContactBookState) => s.loaded && resolve()));
  book.open(account);
  await loaded;
  return book;
}

const bob = { ...emptyDraft(), firstName: 'Bob', lastName: 'Stone', phones: [{ number: '1002', kind: 'work' as const }] };

describe('ContactBook', () => {
  it('keeps contacts in IndexedDB: a new book for the same account reads them back', async () => {
    const account = unique();
    const book = await opened(account);
    const saved = await book.save(bob);
    expect(saved).to.deep.include({ firstName: 'Bob', lastName: 'Stone' });
    await book.setFavorite({ extension: '1003' }, true);
    const again = await opened(account);
    expect(again.state.contacts.map((c) => c.firstName)).to.deep.equal(['Bob']);
    expect([...again.state.favorites]).to.deep.equal(['1003']);
  });

  it('keeps two accounts apart', async () => {
    const [a, b] = [unique(), unique()];
    await (await opened(a)).save(bob);
    expect((await opened(b)).state.contacts).to.deep.equal([]);
    expect((await opened(a)).state.contacts).to.have.length(1);
  });

  it('edits, favourites and deletes a contact, and refuses a draft that names nobody', async () => {
    const account = unique();
    const book = await opened(account);
    const c = (await book.save(bob))!;
    await book.save({ ...bob, firstName: 'Robert' }, c.id);
    await book.setFavorite({ id: c.id }, true);
    expect(book.state.contacts).to.have.length(1);
    expect(book.state.contacts[0]).to.deep.include({ firstName: 'Robert', favorite: true });
    expect(await book.save({ ...emptyDraft(), note: 'only a note' })).to.equal(null);
    await book.remove(c.id);
    expect((await opened(account)).state.contacts).to.deep.equal([]);
  });

  it('imports a vCard file once (a second import adds nothing) and exports it again', async () => {
    const book = await opened(unique());
    const file = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ng;Carol;;;\r\nFN:Carol Ng\r\nTEL;TYPE=WORK:1003\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:x\r\nEND:VCARD\r\n';
    expect(await book.importVcards(file)).to.deep.equal({ added: 1, skipped: 1 });
    expect(await book.importVcards(file)).to.deep.equal({ added: 0, skipped: 2 });
    expect(book.exportVcards('4.0')).to.contain('FN:Carol Ng');
  });

  it('keeps what was saved before the stored contacts were read', async () => {
    const account = unique();
    await (await opened(account)).save(bob);
    const book = new ContactBook();
    book.open(account);
    expect(book.state.loaded).to.equal(false);
    const early = book.save({ ...bob, firstName: 'Early' });
    const fav = book.setFavorite({ extension: '1009' }, true);
    await new Promise<void>((resolve) => book.on('change', (s) => s.loaded && resolve()));
    await Promise.all([early, fav]);
    expect(book.state.contacts.map((c) => c.firstName).sort()).to.deep.equal(['Bob', 'Early']);
    expect([...book.state.favorites]).to.deep.equal(['1009']);
  });

  it('drops stored records that are not contacts, with a warning', async () => {
    const account = unique();
    const book = await opened(account);
    await book.save(bob);
    // Another version of the app wrote junk beside it.
    const { AccountStore } = await import('../../storage/account-store.js');
    await new AccountStore<unknown>(account, 'contacts').set('junk', { id: 'junk', firstName: 42 });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect((await opened(account)).state.contacts.map((c) => c.firstName)).to.deep.equal(['Bob']);
    } finally {
      console.warn = warn;
    }
  });
});
