import { expect } from '@open-wc/testing';
import { applyDialogInfo, lampOf, parseDialogInfo, type DialogEntry, type DialogInfoDocument } from './dialog-info.js';

const NS = 'urn:ietf:params:xml:ns:dialog-info';

/** As Kamailio's presence_dialoginfo sends them (captured from the test bed). */
const KAMAILIO_EARLY = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="2" state="full" entity="sip:1003@phone.test">
  <dialog id="padi-6b014eb2-63e3-1" call-id="d36f35685f9387a7" local-tag="adac85b169" remote-tag="9a8d7f55de" direction="recipient">
    <state>early</state>
    <remote>
      <identity>sip:1002@phone.test</identity>
      <target uri="sip:df37e3a6@82177bcb.invalid;transport=ws"/>
    </remote>
    <local>
      <identity>sip:1003@phone.test</identity>
      <target uri="sip:5c1ef5fc@8e953d12.invalid;transport=ws"/>
    </local>
  </dialog>
</dialog-info>
`;
const KAMAILIO_CONFIRMED = KAMAILIO_EARLY.replace('version="2"', 'version="3"').replace('<state>early</state>', '<state>confirmed</state>');
const KAMAILIO_TERMINATED = KAMAILIO_EARLY.replace('version="2"', 'version="4"').replace('<state>early</state>', '<state>terminated</state>');
/** Kamailio with force_dummy_dialog, for an idle user. */
const KAMAILIO_DUMMY = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:1003@phone.test">
  <dialog id="615293b33c62dec073e05d9421e9f48b" direction="recipient">\t<state>terminated</state>\t</dialog>
</dialog-info>
`;
/** Asterisk (PJSIP) puts a held call's local target at +sip.rendering=no. */
const ASTERISK_HELD = `<?xml version="1.0" encoding="UTF-8"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="5" state="full" entity="sip:1003@pbx.example.com">
 <dialog id="1003">
  <state>confirmed</state>
  <local>
   <target uri="sip:1003@pbx.example.com">
    <param pname="+sip.rendering" pvalue="no"/>
   </target>
  </local>
 </dialog>
</dialog-info>`;
const ASTERISK_RINGING = `<?xml version="1.0" encoding="UTF-8"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full" entity="sip:1003@pbx.example.com">
 <dialog id="1003" direction="recipient">
  <state>early</state>
 </dialog>
</dialog-info>`;
/** FreeSWITCH: display names, and an empty full document when idle. */
const FREESWITCH_RINGING = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="7" state="full" entity="sip:1003@10.0.0.1">
<dialog id="a1b2c3" direction="recipient">
<state>early</state>
<local>
<identity display="1003">sip:1003@10.0.0.1</identity>
<target uri="sip:1003@10.0.0.1">
<param pname="+sip.rendering" pvalue="yes"/>
</target>
</local>
<remote>
<identity display="Bob Smith">sip:1002@10.0.0.1</identity>
<target uri="sip:**1003@10.0.0.1"/>
</remote>
</dialog>
</dialog-info>`;
const FREESWITCH_IDLE = `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="8" state="full" entity="sip:1003@10.0.0.1"></dialog-info>`;

const lamp = (body: string) => {
  const doc = parseDialogInfo(body);
  expect(doc, 'parsed').to.not.equal(null);
  return lampOf(applyDialogInfo(new Map(), doc!).values());
};

function doc(dialogs: string, attrs = 'version="1" state="full"'): string {
  return `<dialog-info xmlns="${NS}" ${attrs} entity="sip:1003@x">${dialogs}</dialog-info>`;
}
const dialog = (id: string, state: string, extra = '') => `<dialog id="${id}" ${extra}><state>${state}</state></dialog>`;

describe('dialog-info', () => {
  it('reads Kamailio: early (recipient) rings, confirmed is busy, a kept terminated dialog is idle', () => {
    expect(lamp(KAMAILIO_EARLY)).to.deep.include({ state: 'ringing' });
    expect(lamp(KAMAILIO_EARLY).dialog?.peer).to.equal('1002');
    expect(lamp(KAMAILIO_CONFIRMED).state).to.equal('busy');
    expect(lamp(KAMAILIO_TERMINATED).state).to.equal('idle');
    expect(lamp(KAMAILIO_DUMMY).state).to.equal('idle');
    const parsed = parseDialogInfo(KAMAILIO_CONFIRMED)!;
    expect(parsed).to.deep.equal({
      full: true,
      version: 3,
      dialogs: [{ id: 'padi-6b014eb2-63e3-1', state: 'confirmed', direction: 'recipient', held: false, peer: '1002' }],
    });
  });

  it('reads Asterisk: hold advertised by +sip.rendering=no, ringing without a peer', () => {
    expect(lamp(ASTERISK_HELD).state).to.equal('held');
    expect(lamp(ASTERISK_RINGING)).to.deep.equal({ state: 'ringing', dialog: { id: '1003', state: 'early', direction: 'recipient', held: false } });
  });

  it('reads FreeSWITCH: the display name is the peer, an empty full document is idle', () => {
    expect(lamp(FREESWITCH_RINGING).dialog?.peer).to.equal('Bob Smith');
    expect(lamp(FREESWITCH_RINGING).state).to.equal('ringing');
    expect(lamp(FREESWITCH_IDLE).state).to.equal('idle');
  });

  it('treats a watched user calling out (initiator, early) as busy, not ringing', () => {
    expect(lamp(doc(dialog('a', 'early', 'direction="initiator"'))).state).to.equal('busy');
    expect(lamp(doc(dialog('a', 'trying', 'direction="initiator"'))).state).to.equal('busy');
    expect(lamp(doc(dialog('a', 'proceeding'))).state).to.equal('ringing');
  });

  it('lets ringing win over busy and busy over held when several dialogs are live', () => {
    const held = `<dialog id="h"><state>confirmed</state><local><target uri="sip:x"><param pname="+sip.rendering" pvalue="no"/></target></local></dialog>`;
    expect(lamp(doc(held + dialog('b', 'confirmed'))).state).to.equal('busy');
    expect(lamp(doc(held + dialog('b', 'confirmed') + dialog('r', 'early', 'direction="recipient"'))).state).to.equal('ringing');
    expect(lamp(doc(held)).state).to.equal('held');
  });

  it('applies partial documents to the dialogs they name, matched by id', () => {
    let dialogs: ReadonlyMap<string, DialogEntry> = new Map();
    const apply = (body: string) => (dialogs = applyDialogInfo(dialogs, parseDialogInfo(body)!));
    apply(doc(dialog('a', 'confirmed') + dialog('b', 'early'), 'version="1" state="full"'));
    expect([...dialogs.keys()]).to.deep.equal(['a', 'b']);
    apply(doc(dialog('b', 'confirmed'), 'version="2" state="partial"'));
    expect(dialogs.get('b')!.state).to.equal('confirmed');
    expect(dialogs.has('a'), 'a partial update keeps the others').to.equal(true);
    apply(doc(dialog('a', 'terminated'), 'version="3" state="partial"'));
    expect([...dialogs.keys()]).to.deep.equal(['b']);
    apply(doc('', 'version="4" state="full"'));
    expect(dialogs.size, 'an empty full document clears everything').to.equal(0);
  });

  it('never mutates the dialogs it is given', () => {
    const before = new Map([['a', { id: 'a', state: 'confirmed', held: false } as DialogEntry]]);
    applyDialogInfo(before, parseDialogInfo(doc(dialog('a', 'terminated'), 'state="partial"'))!);
    expect(before.size).to.equal(1);
  });

  it('accepts a namespace prefix and a namespace-less document, refuses any other namespace', () => {
    const prefixed = `<d:dialog-info xmlns:d="${NS}" version="1" state="full" entity="sip:1@x"><d:dialog id="a"><d:state>confirmed</d:state></d:dialog></d:dialog-info>`;
    expect(lamp(prefixed).state).to.equal('busy');
    expect(lamp(`<dialog-info version="1" state="full"><dialog id="a"><state>early</state></dialog></dialog-info>`).state).to.equal('ringing');
    expect(parseDialogInfo(`<dialog-info xmlns="urn:example:other"><dialog id="a"><state>confirmed</state></dialog></dialog-info>`)).to.equal(null);
    // A dialog element from another namespace inside a good document is not a dialog.
    const foreign = doc(`<x:dialog xmlns:x="urn:example:x" id="a"><x:state>confirmed</x:state></x:dialog>`);
    expect(lamp(foreign).state).to.equal('idle');
  });

  it('returns null for what is not a dialog-info document, and throws for nothing', () => {
    const bad: unknown[] = [
      '',
      '   ',
      'not xml at all',
      '<dialog-info',
      '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"><dialog id="a"><state>confirmed</state></dialog>',
      '<presence xmlns="urn:ietf:params:xml:ns:pidf"/>',
      `<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><dialog-info xmlns="${NS}">&b;</dialog-info>`,
      `<dialog-info xmlns="${NS}">${'<dialog id="x"><state>confirmed</state></dialog>'.repeat(8000)}</dialog-info>`,
      null,
      undefined,
      42,
      { body: 'x' },
    ];
    for (const body of bad) expect(parseDialogInfo(body), String(body).slice(0, 40)).to.equal(null);
  });

  it('skips dialogs with an unknown state, and caps the number of dialogs', () => {
    const parsed = parseDialogInfo(doc(dialog('a', 'ringing') + dialog('b', '') + dialog('c', 'CONFIRMED')))!;
    expect(parsed.dialogs.map((d) => d.id)).to.deep.equal(['c']);
    const many = parseDialogInfo(doc(Array.from({ length: 200 }, (_, i) => dialog(`d${i}`, 'confirmed')).join('')))!;
    expect(many.dialogs).to.have.length(64);
  });

  it('gives dialogs without an id their call-id or position, so they still count', () => {
    const parsed = parseDialogInfo(doc('<dialog call-id="abc"><state>early</state></dialog><dialog><state>confirmed</state></dialog>'))!;
    expect(parsed.dialogs.map((d) => d.id)).to.deep.equal(['abc', '#1']);
  });

  it('reads the version and the partial flag; a bad version is absent, never NaN', () => {
    const p: DialogInfoDocument = parseDialogInfo(doc('', 'version="12" state="partial"'))!;
    expect(p).to.deep.equal({ full: false, version: 12, dialogs: [] });
    expect(parseDialogInfo(doc('', 'version="-1" state="full"'))!.version).to.equal(undefined);
    expect(parseDialogInfo(doc('', 'version="1e99"'))!.version).to.equal(undefined);
  });

  it('cleans the peer name: no control or bidi characters, bounded length', () => {
    const evil = doc(
      `<dialog id="a" direction="recipient"><state>early</state><remote><identity display="Bob\u202Egnp.exe ${'x'.repeat(500)}">sip:1002@x</identity></remote></dialog>`,
    );
    const peer = lamp(evil).dialog!.peer!;
    expect(peer).to.not.match(/[\u202a-\u202e]/);
    expect(peer.length).to.be.at.most(40);
    const script = doc(`<dialog id="a"><state>early</state><remote><identity display="&lt;img src=x onerror=alert(1)&gt;">sip:1@x</identity></remote></dialog>`);
    expect(lamp(script).dialog!.peer, 'kept as text: the element renders it as text').to.equal('<img src=x onerror=alert(1)>');
  });
});
