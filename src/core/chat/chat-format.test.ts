import { expect } from '@open-wc/testing';
import { advance, conversationTitle, failureText, overallState, previewText, stateText, timeLabel, typingText } from './chat-format.js';
import type { ChatMessage, Conversation } from './chat-types.js';

const conversation = (patch: Partial<Conversation> = {}): Conversation => ({
  id: 'g:x',
  kind: 'group',
  members: ['1002', '1003'],
  names: { '1002': 'Bob' },
  createdAt: 0,
  lastAt: 0,
  unread: 0,
  muted: false,
  pinned: false,
  left: false,
  ...patch,
});

const out = (patch: Partial<ChatMessage>): ChatMessage => ({ key: 'k', id: 'i', conversationId: 'd:1002', direction: 'out', from: { number: '1001' }, at: 0, text: 'hi', ...patch });

describe('chat words', () => {
  it('states only move forward, and a failure can be retried', () => {
    expect(advance('delivered', 'sent')).to.equal('delivered');
    expect(advance('read', 'delivered')).to.equal('read');
    expect(advance('stored', 'delivered')).to.equal('delivered');
    expect(advance('sending', 'failed')).to.equal('failed');
    expect(advance('delivered', 'failed')).to.equal('delivered');
    expect(advance('failed', 'sending')).to.equal('sending');
  });

  it('the overall state is the least advanced recipient that did not fail', () => {
    expect(overallState({ a: 'read', b: 'delivered' })).to.equal('delivered');
    expect(overallState({ a: 'read', b: 'failed' })).to.equal('read');
    expect(overallState({ a: 'failed', b: 'failed' })).to.equal('failed');
    expect(overallState({ a: 'stored', b: 'sent' })).to.equal('stored');
  });

  it('says each state in words', () => {
    expect(stateText(out({ state: 'sending' }))).to.equal('Sending…');
    expect(stateText(out({ state: 'stored' }))).to.equal('Stored for later');
    expect(stateText(out({ state: 'sent' }))).to.equal('Sent');
    expect(stateText(out({ state: 'delivered', recipients: { '1002': 'delivered' } }))).to.equal('Delivered');
    expect(stateText(out({ state: 'read', recipients: { '1002': 'read' } }))).to.equal('Read');
    expect(stateText(out({ state: 'failed', failure: 'Not found (404)' }))).to.equal('Failed: Not found (404)');
    expect(stateText(out({ state: 'delivered', recipients: { '1002': 'read', '1003': 'delivered' } }))).to.equal('Delivered · read by 1 of 2');
    expect(stateText(out({ state: 'read', recipients: { '1002': 'read', '1003': 'read' } }))).to.equal('Read by all 2');
  });

  it('explains failures with the SIP code', () => {
    expect(failureText(404, 'Not Found')).to.equal('Not found (404)');
    expect(failureText(599, 'Odd')).to.equal('Odd (599)');
    expect(failureText(undefined, 'Not connected')).to.equal('Not connected');
  });

  it('titles conversations by name, else by members', () => {
    expect(conversationTitle(conversation({ name: 'Team' }))).to.equal('Team');
    expect(conversationTitle(conversation())).to.equal('Bob, 1003');
    expect(conversationTitle(conversation({ members: ['1', '2', '3', '4', '5'] }))).to.equal('1, 2, 3 +2');
  });

  it('previews one line, and files by name', () => {
    expect(previewText({ text: 'a\n\n b' })).to.equal('a b');
    expect(previewText({ text: '', file: { name: 'x.png', type: 'image/png', size: 1, data: '' } })).to.equal('📎 x.png');
    expect(previewText({ text: 'y'.repeat(500) })).to.have.length(120);
  });

  it('says who is typing', () => {
    const c = conversation();
    expect(typingText(c, [])).to.equal('');
    expect(typingText(c, ['1002'])).to.equal('Bob is typing…');
    expect(typingText(c, ['1002', '1003'])).to.equal('Bob and 1003 are typing…');
    expect(typingText(c, ['1002', '1003', '1004'])).to.equal('3 people are typing…');
  });

  it('labels times: hour today, weekday this week, date before', () => {
    const now = new Date(2026, 0, 31, 15, 0).getTime();
    expect(timeLabel(new Date(2026, 0, 31, 9, 5).getTime(), now, 'en-GB')).to.equal('09:05');
    expect(timeLabel(new Date(2026, 0, 29, 9, 5).getTime(), now, 'en-GB')).to.equal('Thu');
    expect(timeLabel(new Date(2025, 11, 2, 9, 5).getTime(), now, 'en-GB')).to.equal('2 Dec');
    expect(timeLabel(8.64e15 + 1, now, 'en-GB')).to.equal('—');
  });
});
