// What the panel decides from the state: a key's click, presence colours, the contacts list.
import { expect } from '@open-wc/testing';
import type { CallView } from '../types.js';
import { emptyDraft, type Contact } from './contact.js';
import { contactRows, viewContacts } from './contact-list.js';
import { keyAction, listenTarget } from './key-action.js';
import { presenceOf } from './lamp.js';

const call = (patch: Partial<CallView>): CallView => ({
  id: 'c1',
  direction: 'inbound',
  remote: { number: '1004', uri: 'sip:1004@x' },
  state: 'connected',
  startedAt: 0,
  muted: false,
  held: false,
  remoteHeld: false,
  ...patch,
});
const carol = { extension: '1003', label: 'Carol' };

describe('keyAction', () => {
  it('calls when idle, picks up a ringing key with a code, transfers during a call', () => {
    expect(keyAction(carol, 'idle', [])).to.deep.equal({ kind: 'call', target: '1003', text: 'Call Carol' });
    expect(keyAction(carol, 'ringing', [])).to.deep.include({ kind: 'call' });
    expect(keyAction(carol, 'ringing', [], { pickup: '**' })).to.deep.equal({ kind: 'pickup', target: '**1003', text: 'Pick up the call ringing at Carol' });
    expect(keyAction(carol, 'ringing', [call({})], { pickup: '**' })).to.deep.equal({
      kind: 'transfer',
      callId: 'c1',
      target: '1003',
      text: 'Transfer the call to Carol',
    });
  });

  it('transfers the call being talked on, a held one otherwise, never a ringing or consult call', () => {
    const calls = [call({ id: 'held', held: true }), call({ id: 'live' })];
    expect(keyAction(carol, 'idle', calls)).to.deep.include({ callId: 'live' });
    expect(keyAction(carol, 'idle', [call({ id: 'held', held: true })])).to.deep.include({ callId: 'held' });
    expect(keyAction(carol, 'idle', [call({ state: 'ringing' })]).kind).to.equal('call');
    expect(keyAction(carol, 'idle', [call({ consultFor: 'x' })]).kind).to.equal('call');
    expect(keyAction(carol, 'idle', [call({ transfer: { kind: 'blind', target: '1005', state: 'referring' } })]).kind).to.equal('call');
  });

  it('listens with the listen code only', () => {
    expect(listenTarget('1003', { listen: '007' })).to.equal('0071003');
    expect(listenTarget('1003', {})).to.equal(undefined);
  });
});

describe('presenceOf', () => {
  it('is busy whenever the lamp is lit, else what PIDF says, else the lamp', () => {
    expect(presenceOf(undefined)).to.equal('unknown');
    expect(presenceOf({ state: 'idle' })).to.equal('available');
    expect(presenceOf({ state: 'held', presence: { status: 'available' } })).to.equal('busy');
    expect(presenceOf({ state: 'ringing' })).to.equal('busy');
    expect(presenceOf({ state: 'idle', presence: { status: 'away' } })).to.equal('away');
    expect(presenceOf({ state: 'offline' })).to.equal('offline');
    expect(presenceOf({ state: 'unknown', presence: { status: 'offline' } })).to.equal('offline');
  });
});

describe('contact list', () => {
  const mine = (id: string, firstName: string, lastName: string, number: string, favorite = false): Contact => ({
    ...emptyDraft(),
    id,
    firstName,
    lastName,
    phones: number ? [{ number, kind: 'work' }] : [],
    favorite,
    updatedAt: 0,
  });
  const contacts = [mine('a', 'Zed', 'Adams', '+1 555', true), mine('b', 'Amy', '', ''), mine('c', '', 'Young', '1002')];
  const directory = [
    { extension: '1010', name: 'Bea Ng' },
    { extension: '1002', name: 'Cy', firstName: 'Cy', lastName: 'Oh', department: 'Sales' },
  ];
  const lamps = new Map([
    ['1002', { state: 'busy' as const }],
    ['1010', { state: 'idle' as const }],
  ]);
  const rows = contactRows(contacts, directory, new Set(['1010']), lamps);
  const names = (r: ReturnType<typeof viewContacts>) => r.map((x) => x.name);

  it('merges coworkers and personal contacts, with presence from the lamps', () => {
    expect(rows.find((r) => r.key === 'c:c')!.presence, 'a personal contact whose number is a watched extension').to.equal('busy');
    expect(rows.find((r) => r.key === 'x:1010')).to.deep.include({ favorite: true, presence: 'available', firstName: 'Bea', lastName: 'Ng' });
  });

  it('sorts by first name, last name or extension (a missing name sorts by the other one; no number goes last)', () => {
    expect(names(viewContacts(rows, 'all', 'first', ''))).to.deep.equal(['Amy', 'Bea Ng', 'Cy', 'Young', 'Zed Adams']);
    expect(names(viewContacts(rows, 'all', 'last', ''))).to.deep.equal(['Zed Adams', 'Amy', 'Bea Ng', 'Cy', 'Young']);
    expect(names(viewContacts(rows, 'all', 'extension', ''))).to.deep.equal(['Zed Adams', 'Cy', 'Young', 'Bea Ng', 'Amy']);
  });

  it('filters by favourites, kind and presence, and searches every word', () => {
    expect(names(viewContacts(rows, 'favorites', 'first', ''))).to.deep.equal(['Bea Ng', 'Zed Adams']);
    expect(names(viewContacts(rows, 'coworkers', 'first', ''))).to.deep.equal(['Bea Ng', 'Cy']);
    expect(names(viewContacts(rows, 'personal', 'first', ''))).to.deep.equal(['Amy', 'Young', 'Zed Adams']);
    expect(names(viewContacts(rows, 'busy', 'first', ''))).to.deep.equal(['Cy', 'Young']);
    expect(names(viewContacts(rows, 'available', 'first', ''))).to.deep.equal(['Bea Ng']);
    expect(names(viewContacts(rows, 'offline', 'first', ''))).to.deep.equal(['Amy', 'Zed Adams']);
    expect(names(viewContacts(rows, 'all', 'first', 'sales cy'))).to.deep.equal(['Cy']);
    expect(names(viewContacts(rows, 'all', 'first', '555'))).to.deep.equal(['Zed Adams']);
  });
});
