import { expect } from '@open-wc/testing';
import type { PhoneBlfPanel } from './phone-blf-panel.js';
import { accessibleInBothThemes, button, DIALOG_CT, dialogInfo, mount, nameOf, root, settle, sleep, textOf } from './panel-fixture.test.js';

/** A panel for a fresh account (its own IndexedDB database), on a view. */
async function onView(view: 'directory' | 'contacts', attrs = '') {
  const user = `${1000 + Math.floor(Math.random() * 8000)}`;
  const m = await mount(`view="${view}" keys="1002:Bob" directory-src="/src/elements/phone-blf-panel/directory.fixture.json" ${attrs}`, false);
  m.widget.identity = `sip:${user}@phone.test`;
  await m.widget.updateComplete;
  m.agent().register();
  await until(m.panel, () => m.panel.shadowRoot!.querySelector('.rows, .empty:not(:empty)') !== null && !textOf(m.panel).includes('Loading'));
  return m;
}

async function until(panel: PhoneBlfPanel, check: () => boolean, ms = 2000): Promise<void> {
  for (const end = performance.now() + ms; ; await sleep(10)) {
    await settle(panel);
    if (check()) return;
    if (performance.now() > end) throw new Error(`timed out; panel says: ${textOf(panel)}`);
  }
}

const rows = (panel: PhoneBlfPanel) => [...root(panel).querySelectorAll('button.row')].map(nameOf);
const field = (panel: PhoneBlfPanel, label: string) => {
  const found = [...root(panel).querySelectorAll('label')].find((l) => nameOf(l).startsWith(label));
  expect(found, `a field labelled ${label}`).to.exist;
  return found!.querySelector('input, select') as HTMLInputElement & HTMLSelectElement;
};
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<phone-blf-panel> directory', () => {
  it('lists the directory with presence from the lamps, searches it, and calls from it', async () => {
    const { widget, panel, agent } = await onView('directory');
    expect(rows(panel)).to.deep.equal(['Bob Stone, 1002, Support, unknown', 'Carol Ng, 1003, Sales, unknown', 'Dave <b>Bold</b>, 1004, Sales, unknown']);
    expect(root(panel).querySelector('b'), 'names are text').to.equal(null);
    const sub = (ext: string) => agent().subscriptions.find((s) => s.target === `sip:${ext}@phone.test` && s.event === 'dialog')!;
    sub('1003').notify(dialogInfo('confirmed'), DIALOG_CT);
    sub('1004').activate();
    await settle(panel);
    expect(rows(panel)).to.include('Carol Ng, 1003, Sales, busy');
    expect(rows(panel)).to.include('Dave <b>Bold</b>, 1004, Sales, available');
    await accessibleInBothThemes(widget, panel);
    type(field(panel, 'Search the directory'), 'sales ng');
    await settle(panel);
    expect(rows(panel)).to.deep.equal(['Carol Ng, 1003, Sales, busy']);
    button(root(panel), /^Carol Ng/).click();
    expect(agent().calls.at(-1)!.remote.uri).to.equal('sip:1003@phone.test');
    type(field(panel, 'Search the directory'), 'nobody');
    await settle(panel);
    expect(textOf(panel)).to.contain('Nobody matches “nobody”.');
  });

  it('takes the directory as a property, and makes keys of it with keys-from-directory', async () => {
    const { panel } = await mount('keys="1002:Bob" keys-from-directory');
    panel.directory = [
      { extension: '1002', name: 'Robert' },
      { extension: '1005', name: 'Erin' },
    ];
    await settle(panel);
    expect([...root(panel).querySelectorAll('button.key')].map((b) => nameOf(b).split(', ').slice(0, 2).join(', '))).to.deep.equal(['Bob, 1002', 'Erin, 1005']);
  });

  it('says why a directory could not be loaded', async () => {
    const { widget, panel } = await mount('view="directory" directory-src="/no-such-file.json"');
    await until(panel, () => textOf(panel).includes('could not be loaded'));
    expect(root(panel).querySelector('[role="alert"]')!.textContent).to.equal('The directory could not be loaded (404).');
    await accessibleInBothThemes(widget, panel);
  });
});

describe('<phone-blf-panel> contacts', () => {
  it('creates a contact with the form, shows and calls it, edits, favourites and deletes it', async () => {
    const { widget, panel, agent } = await onView('contacts');
    expect(rows(panel)).to.deep.equal(['Bob Stone, 1002, coworker, unknown', 'Carol Ng, 1003, coworker, unknown', 'Dave <b>Bold</b>, 1004, coworker, unknown']);
    await accessibleInBothThemes(widget, panel);

    button(root(panel), 'New contact').click();
    await settle(panel);
    await accessibleInBothThemes(widget, panel);
    button(root(panel), 'Save').click();
    await settle(panel);
    expect(root(panel).querySelector('[role="alert"]')!.textContent).to.equal('Give the contact a name or a number.');
    type(field(panel, 'First name'), 'Zoe');
    type(field(panel, 'Last name'), 'Adams');
    type(root(panel).querySelector('input[aria-label="Number 1"]') as HTMLInputElement, '+1 555 0100');
    button(root(panel), 'Add number').click();
    await settle(panel);
    type(root(panel).querySelector('input[aria-label="Number 2"]') as HTMLInputElement, '1003');
    button(root(panel), 'Save').click();
    await until(panel, () => textOf(panel).includes('Contact created.'));
    expect(root(panel).querySelector('h3')!.textContent).to.equal('Zoe Adams');
    expect(textOf(panel)).to.contain('Mobile: 1003');
    await accessibleInBothThemes(widget, panel);
    button(root(panel), 'Call 1003').click();
    expect(agent().calls.at(-1)!.remote.uri).to.equal('sip:1003@phone.test');

    button(root(panel), 'Edit').click();
    await settle(panel);
    expect(field(panel, 'First name').value).to.equal('Zoe');
    type(field(panel, 'First name'), 'Zoey');
    button(root(panel), 'Save').click();
    await until(panel, () => textOf(panel).includes('Contact saved.'));
    expect(root(panel).querySelector('h3')!.textContent).to.equal('Zoey Adams');

    button(root(panel), 'Add to favorites').click();
    await until(panel, () => root(panel).querySelector('button[aria-pressed="true"]') !== null);
    button(root(panel), '‹ Back to contacts').click();
    await settle(panel);
    choose(field(panel, 'Show'), 'favorites');
    await settle(panel);
    expect(rows(panel)).to.deep.equal(['Zoey Adams, +1 555 0100']);
    button(root(panel), /^Zoey Adams/).click();
    await settle(panel);
    button(root(panel), 'Delete').click();
    await settle(panel);
    button(root(panel), 'Confirm delete').click();
    await until(panel, () => textOf(panel).includes('Contact deleted.'));
    expect(rows(panel)).to.deep.equal([]);
  });

  it('filters by kind and presence, favourites coworkers, and sorts by first name, last name or extension', async () => {
    const { panel, agent } = await onView('contacts');
    await panel.updateComplete;
    const blf = (panel.closest('test-phone-widget') as unknown as { session: { blf: import('../../core/blf/blf-service.js').BlfService } }).session.blf;
    await blf.contacts.save({ firstName: 'Amy', lastName: 'Zhu', company: '', phones: [{ number: '0700 1', kind: 'mobile' }], emails: [], note: '', favorite: false });
    agent().subscriptions.find((s) => s.target === 'sip:1002@phone.test')!.notify(dialogInfo('confirmed'), DIALOG_CT);
    await settle(panel);
    const first = () => rows(panel).map((r) => r.split(',')[0]);
    expect(first()).to.deep.equal(['Amy Zhu', 'Bob Stone', 'Carol Ng', 'Dave <b>Bold</b>']);
    choose(field(panel, 'Sort by'), 'last');
    await settle(panel);
    expect(first()).to.deep.equal(['Dave <b>Bold</b>', 'Carol Ng', 'Bob Stone', 'Amy Zhu']);
    choose(field(panel, 'Sort by'), 'extension');
    await settle(panel);
    expect(first()).to.deep.equal(['Amy Zhu', 'Bob Stone', 'Carol Ng', 'Dave <b>Bold</b>']);
    choose(field(panel, 'Show'), 'personal');
    await settle(panel);
    expect(first()).to.deep.equal(['Amy Zhu']);
    choose(field(panel, 'Show'), 'coworkers');
    await settle(panel);
    expect(first()).to.have.length(3);
    choose(field(panel, 'Show'), 'busy');
    await settle(panel);
    expect(rows(panel)).to.deep.equal(['Bob Stone, 1002, coworker, busy']);
    choose(field(panel, 'Show'), 'all');
    await settle(panel);
    button(root(panel), 'Favorite: Carol Ng').click();
    await until(panel, () => button(root(panel), 'Favorite: Carol Ng').getAttribute('aria-pressed') === 'true');
    choose(field(panel, 'Show'), 'favorites');
    await settle(panel);
    expect(first()).to.deep.equal(['Carol Ng']);
  });

  it('imports a vCard file, exports vCard 3.0 and 4.0, and copies a contact', async () => {
    const { widget, panel } = await onView('contacts');
    const details = root(panel).querySelector('details.vcard') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    (details.querySelector('summary') as HTMLElement).click();
    await settle(panel);
    expect(details.open, 'the summary opens the vCard actions').to.equal(true);
    expect(button(root(panel), 'Export vCard 3.0').getBoundingClientRect().height, 'shown').to.be.greaterThan(0);
    await accessibleInBothThemes(widget, panel);
    const input = root(panel).querySelector('input[type="file"]') as HTMLInputElement;
    const files = new DataTransfer();
    const vcf = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ivy Park\r\nN:Park;Ivy;;;\r\nTEL;VALUE=uri;TYPE=cell:tel:+1-555-0142\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n';
    files.items.add(new File([vcf], 'contacts.vcf', { type: 'text/vcard' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await until(panel, () => textOf(panel).includes('Imported 1 contact (1 skipped).'));
    expect(rows(panel)).to.include('Ivy Park, +1-555-0142');
    await accessibleInBothThemes(widget, panel);

    const exported: string[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      void (blob as Blob).text().then((t) => exported.push(t));
      return create(blob);
    };
    try {
      button(root(panel), 'Export vCard 3.0').click();
      button(root(panel), 'Export vCard 4.0').click();
      await until(panel, () => exported.length === 2);
    } finally {
      URL.createObjectURL = create;
    }
    expect(exported[0]).to.contain('VERSION:3.0').and.contain('TEL;TYPE=CELL:+1-555-0142');
    expect(exported[1]).to.contain('VERSION:4.0').and.contain('tel:+1-555-0142');

    const copied: string[] = [];
    const write = navigator.clipboard.writeText;
    navigator.clipboard.writeText = (text: string) => (copied.push(text), Promise.resolve());
    try {
      button(root(panel), /^Ivy Park/).click();
      await settle(panel);
      button(root(panel), 'Copy').click();
      await until(panel, () => textOf(panel).includes('Copied to the clipboard.'));
    } finally {
      navigator.clipboard.writeText = write;
    }
    expect(copied).to.deep.equal(['Ivy Park\nMobile: +1-555-0142']);
  });

  it('keeps each account its own contacts', async () => {
    const { widget, panel } = await onView('contacts');
    await widget.session.blf.contacts.save({ firstName: 'Only', lastName: 'Mine', company: '', phones: [], emails: [], note: '', favorite: false });
    await settle(panel);
    expect(rows(panel)).to.include('Only Mine');
    const other = await onView('contacts');
    expect(rows(other.panel)).to.not.include('Only Mine');
  });
});
