import { expect } from '@open-wc/testing';
import { suggest } from './suggest.js';
import type { RecentCall } from './types.js';

let n = 0;
function recent(number: string, name?: string): RecentCall {
  return {
    id: `r${++n}`,
    direction: 'outbound',
    number,
    ...(name ? { name } : {}),
    startedAt: 0,
    duration: 0,
    answered: true,
    cause: { code: 'hangup', text: 'Call ended', by: 'local' },
  };
}

/** Newest first, as the session keeps them. */
const history = [
  recent('1003', 'Carol'),
  recent('1002', 'Bob'),
  recent('1003', 'Carol'),
  recent('+15550102030'),
  recent('alice@example.com'),
  recent('1004', 'Bobby Tables'),
];

const numbers = (typed: string, list = history, limit?: number) => suggest(typed, list, limit).map((s) => s.number);

describe('suggest', () => {
  it('offers nothing for an empty or blank field', () => {
    expect(suggest('', history)).to.deep.equal([]);
    expect(suggest('   ', history)).to.deep.equal([]);
    expect(suggest('1', [])).to.deep.equal([]);
  });

  it('matches the typed digits anywhere in the number, most recent first, once per number', () => {
    expect(numbers('100')).to.deep.equal(['1003', '1002', '1004']);
    expect(numbers('02')).to.deep.equal(['1002', '+15550102030']);
  });

  it('ignores punctuation people type around numbers', () => {
    expect(numbers('(555) 010-20')).to.deep.equal(['+15550102030']);
    expect(numbers('+1 555')).to.deep.equal(['+15550102030']);
  });

  it('matches names, ignoring case', () => {
    expect(numbers('bob')).to.deep.equal(['1002', '1004']);
    expect(numbers('CAROL')).to.deep.equal(['1003']);
    expect(numbers('tables')).to.deep.equal(['1004']);
  });

  it('matches SIP addresses by text', () => {
    expect(numbers('ALICE@')).to.deep.equal(['alice@example.com']);
    expect(numbers('zed')).to.deep.equal([]);
  });

  it('does not suggest exactly what is typed', () => {
    expect(numbers('1003')).to.deep.equal([]);
    expect(numbers(' 1002 ')).to.deep.equal([]);
  });

  it('stops at the limit (5 by default)', () => {
    const many = Array.from({ length: 9 }, (_, i) => recent(`20${i}`));
    expect(numbers('20', many)).to.deep.equal(['200', '201', '202', '203', '204']);
    expect(numbers('20', many, 2)).to.deep.equal(['200', '201']);
  });

  it('says where a suggestion comes from and carries the name only when known', () => {
    const [bob, anon] = suggest('0', [recent('1002', 'Bob'), recent('1009')]);
    expect(bob).to.deep.equal({ number: '1002', name: 'Bob', source: 'Recent' });
    expect(anon).to.deep.equal({ number: '1009', source: 'Recent' });
  });
});

describe('suggest with contacts', () => {
  it('offers matching personal contacts first, by name or digits', () => {
    const contacts = [
      { name: 'Dana Scully', number: '+1 (555) 0199' },
      { name: 'Fox Mulder', number: '1005' },
    ];
    expect(suggest('scu', [], 5, contacts)).to.deep.equal([{ number: '+1 (555) 0199', name: 'Dana Scully', source: 'Contact' }]);
    expect(suggest('5550', [], 5, contacts).map((s) => s.name)).to.deep.equal(['Dana Scully']);
    expect(suggest('100', [], 5, contacts).map((s) => s.source)).to.deep.equal(['Contact']);
  });
});
