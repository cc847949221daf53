// The call card's server conference room states (`conference-room`), with the
// network scripted by the fake agent; the REFERs and the room's own calls are
// proven end to end in test/e2e/conference-room.test.mjs.
import { expect, html } from '@open-wc/testing';
import { buttonNamed, buttonsNamed, cardFixture } from '../../../test/fakes/card-fixture.js';

const CT = 'application/dialog-info+xml';
const roomDoc = (version: number, state: 'confirmed' | 'terminated') =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:800@phone.test"><dialog id="r1"><state>${state}</state><remote><identity>sip:1002@phone.test</identity></remote></dialog></dialog-info>`;

async function phone(room = '800') {
  const env = await cardFixture(html`<test-phone-widget
    server="ws://127.0.0.1:8080"
    identity="sip:1001@phone.test"
    password="p"
    no-url-activation
    theme="light"
    conference-room=${room}
  >
    <phone-call-card></phone-call-card>
  </test-phone-widget>`);
  const roomSub = () => env.el.agent.subscriptions.find((s) => s.target === 'sip:800@phone.test' && s.event === 'dialog');
  return { ...env, roomSub };
}

describe('<phone-call-card> server conference room', () => {
  it('is hidden without a room: no Conference, no More for it', async () => {
    const { root, answered } = await phone('');
    await answered('1002', 'Bob');
    expect(buttonsNamed(root, 'More'), 'nothing else under More').to.have.length(0);
    expect(root.textContent).not.to.contain('Your conference');
  });

  it('Conference sends the call into the room (REFER) and dials the room: "In your conference"', async () => {
    const { el, root, settle, answered, card, roomSub } = await phone();
    expect(roomSub(), 'the room watched with the dialog package').to.exist;
    const bob = await answered('1002', 'Bob');
    buttonNamed(root, 'More').click();
    await settle();
    buttonNamed(card('Bob'), 'Conference');
    await expect(root.host).to.be.accessible();
    buttonNamed(card('Bob'), 'Conference').click();
    await settle();
    expect(bob.log).to.include('refer:sip:800@phone.test');
    expect(bob.log, 'our leg of Bob’s call ends').to.include('hangup');
    const roomCall = el.agent.calls.find((x) => x.direction === 'outbound' && x.remote.uri === 'sip:800@phone.test')!;
    expect(roomCall, 'the room dialled').to.exist;
    roomCall.remoteAnswers();
    await settle();
    expect(el.session.state.room).to.include({ callId: roomCall.id, active: true });
    expect(card('800').querySelector('.state')!.textContent).to.contain('In your conference');
    expect(el.session.state.notice?.text).to.equal('Bob was sent to your conference');
    expect(root.textContent, 'no rejoin chip while in the room').not.to.contain('Rejoin');
    await expect(root.host).to.be.accessible();
  });

  it('a refused REFER keeps the call and does not dial the room', async () => {
    const { el, root, settle, answered, card } = await phone();
    const bob = await answered('1002', 'Bob');
    bob.referReply = { ok: false, code: 603, reason: 'Decline' };
    buttonNamed(root, 'More').click();
    await settle();
    buttonNamed(card('Bob'), 'Conference').click();
    await settle();
    expect(bob.log).not.to.include('hangup');
    expect(el.agent.calls.filter((x) => x.remote.uri === 'sip:800@phone.test'), 'the room not dialled').to.have.length(0);
    expect(el.session.state.notice?.kind).to.equal('error');
    expect(el.session.state.room).to.include({ active: false });
    expect(card('Bob').querySelector('.state')!.textContent).to.contain('Connected');
  });

  it('Add participant sends the user’s other call into the room; several calls get one button each', async () => {
    const { el, root, settle, answered, card } = await phone();
    el.session.joinRoom();
    await settle();
    const roomCall = el.agent.calls.at(-1)!;
    roomCall.remoteAnswers();
    await settle();
    const carol = await answered('1003', 'Carol');
    // Answering Carol held the room; the room card offers to bring her in.
    buttonNamed(card('800'), 'Add participant');
    expect(buttonsNamed(card('Carol'), 'More'), 'no Conference for Carol while the user is in the room').to.have.length(0);
    await expect(root.host).to.be.accessible();
    await answered('1004', 'Dave');
    buttonNamed(card('800'), 'Add Carol');
    buttonNamed(card('800'), 'Add Dave');
    buttonNamed(card('800'), 'Add Carol').click();
    await settle();
    expect(carol.log).to.include('refer:sip:800@phone.test');
    expect(el.agent.calls.filter((x) => x.remote.uri === 'sip:800@phone.test'), 'the room is not dialled again').to.have.length(1);
    expect(roomCall.log.at(-1), 'Dave is still on the line: the room stays held').to.equal('hold');
    buttonNamed(card('800'), 'Add participant').click();
    await settle();
    expect(roomCall.log.at(-1), 'nobody else left: back in the room').to.equal('resume');
    expect(card('800').querySelector('.state')!.textContent).to.contain('In your conference');
  });

  it('"Your conference" rejoins while the room’s dialog state says someone is there, and goes when it empties', async () => {
    const { el, root, settle, roomSub } = await phone();
    roomSub()!.activate();
    await settle();
    expect(buttonsNamed(root, 'Your conference Rejoin'), 'an empty room: nothing to rejoin').to.have.length(0);
    roomSub()!.notify(roomDoc(1, 'confirmed'), CT);
    await settle();
    await expect(root.host).to.be.accessible();
    buttonNamed(root, 'Your conference Rejoin').click();
    await settle();
    const roomCall = el.agent.calls.at(-1)!;
    expect(roomCall.remote.uri).to.equal('sip:800@phone.test');
    expect(el.session.state.room?.callId).to.equal(roomCall.id);
    roomCall.remoteEnds();
    await settle();
    buttonNamed(root, 'Your conference Rejoin');
    roomSub()!.notify(roomDoc(2, 'terminated'), CT);
    await settle();
    expect(buttonsNamed(root, 'Your conference Rejoin')).to.have.length(0);
  });

  it('without dialog state from the server, the room counts as active after a party was sent there', async () => {
    const { el, root, settle, answered, card, roomSub } = await phone();
    roomSub()!.end(true);
    await settle();
    await answered('1002', 'Bob');
    buttonNamed(root, 'More').click();
    await settle();
    buttonNamed(card('Bob'), 'Conference').click();
    await settle();
    const roomCall = el.agent.calls.find((x) => x.remote.uri === 'sip:800@phone.test')!;
    roomCall.remoteAnswers();
    await settle();
    roomCall.remoteEnds();
    await settle();
    buttonNamed(root, 'Your conference Rejoin');
    await expect(root.host).to.be.accessible();
  });
});
