// Generated inputs for every parser that reads network or file data: bodies
// broken at random, and random well-formed documents checked against a
// simple model. Seeded, so a failure reproduces.
import { expect } from '@open-wc/testing';
import { applyDialogInfo, lampOf, parseDialogInfo, type DialogEntry } from './dialog-info.js';
import { parseMessageSummary } from './message-summary.js';
import { parsePidf } from './pidf.js';
import { emptyDraft, sanitizeDraft, PHONE_KINDS, type ContactDraft } from './contact.js';
import { parseVcards, toVcards } from './vcard.js';

/** mulberry32: a small seeded generator. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const NASTY = ['<', '>', '&', '"', "'", '\u0000', '\u202e', '\ud800', '<!--', ']]>', '<![CDATA[', '&amp;', '&#0;', '&#x110000;', '\r\n', ':', ';', '\\', '/', '=', '😀', 'é'];

/** A copy of `text` broken in one of several ways. */
function mutate(text: string, r: ReturnType<typeof rng>): string {
  const at = r.int(text.length + 1);
  switch (r.int(6)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + r.pick(NASTY) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + r.int(20));
    case 3: {
      const from = r.int(text.length);
      return text.slice(0, at) + text.slice(from, from + r.int(60)) + text.slice(at);
    }
    case 4:
      return [...text].map((c) => (r.next() < 0.02 ? r.pick(NASTY) : c)).join('');
    default:
      return text.repeat(1 + r.int(3)).slice(r.int(10));
  }
}

const STATES = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'] as const;
const NS = 'urn:ietf:params:xml:ns:dialog-info';

interface ModelDialog {
  id: string;
  state: (typeof STATES)[number];
  direction?: 'initiator' | 'recipient';
  held: boolean;
}

function dialogXml(d: ModelDialog): string {
  const dir = d.direction ? ` direction="${d.direction}"` : '';
  const hold = d.held ? '<local><target uri="sip:x@y"><param pname="+sip.rendering" pvalue="no"/></target></local>' : '';
  return `<dialog id="${d.id}"${dir}><state>${d.state}</state>${hold}<remote><identity display="P${d.id}">sip:${d.id}@x</identity></remote></dialog>`;
}

/** The lamp as a person would work it out, independently of lampOf's ranking code. */
function expectedLamp(dialogs: Iterable<ModelDialog>): string {
  const live = [...dialogs].filter((d) => d.state !== 'terminated');
  if (live.some((d) => d.state !== 'confirmed' && d.direction !== 'initiator')) return 'ringing';
  if (live.some((d) => (d.state === 'confirmed' && !d.held) || (d.state !== 'confirmed' && d.direction === 'initiator'))) return 'busy';
  if (live.length) return 'held';
  return 'idle';
}

function checkDialogShape(dialogs: readonly DialogEntry[]): void {
  expect(dialogs.length).to.be.at.most(64);
  for (const d of dialogs) {
    expect(STATES).to.include(d.state);
    expect(typeof d.id).to.equal('string');
    expect(d.id.length).to.be.at.most(256);
    expect(typeof d.held).to.equal('boolean');
    if (d.peer !== undefined) {
      expect(d.peer.length).to.be.within(1, 40);
      expect(d.peer).to.not.match(/[\u0000-\u001f\u202a-\u202e]/);
    }
  }
}

const KAMAILIO = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="full" entity="sip:1003@phone.test">
  <dialog id="padi-6b014eb2-63e3-1" call-id="d36f35685f9387a7" direction="recipient">
    <state>confirmed</state>
    <remote><identity display="Bob">sip:1002@phone.test</identity><target uri="sip:df37e3a6@82177bcb.invalid;transport=ws"/></remote>
    <local><identity>sip:1003@phone.test</identity><target uri="sip:1003@phone.test"><param pname="+sip.rendering" pvalue="yes"/></target></local>
  </dialog>
</dialog-info>`;

describe('parsers under generated input', () => {
  it('dialog-info: 2000 broken bodies never throw and never give a state that cannot render', () => {
    const r = rng(4235);
    for (let i = 0; i < 2000; i++) {
      let body = KAMAILIO;
      for (let k = 0, n = 1 + r.int(3); k < n; k++) body = mutate(body, r);
      const doc = parseDialogInfo(body);
      if (!doc) continue;
      checkDialogShape(doc.dialogs);
      const lamp = lampOf(applyDialogInfo(new Map(), doc).values());
      expect(['idle', 'ringing', 'busy', 'held']).to.include(lamp.state);
    }
  });

  it('dialog-info: 500 random full/partial sequences end with the lamp the model expects', () => {
    const r = rng(7);
    for (let run = 0; run < 500; run++) {
      const model = new Map<string, ModelDialog>();
      let dialogs: ReadonlyMap<string, DialogEntry> = new Map();
      for (let step = 0, steps = 1 + r.int(6); step < steps; step++) {
        const full = step === 0 || r.next() < 0.3;
        const batch: ModelDialog[] = [];
        for (let k = 0, n = r.int(4); k < n; k++) {
          const d: ModelDialog = { id: `d${r.int(5)}`, state: r.pick(STATES), held: r.next() < 0.3 };
          const dir = r.pick([undefined, 'initiator', 'recipient'] as const);
          if (dir) d.direction = dir;
          batch.push(d);
        }
        if (full) model.clear();
        for (const d of batch) {
          if (d.state === 'terminated') model.delete(d.id);
          else model.set(d.id, d);
        }
        const xml = `<dialog-info xmlns="${NS}" version="${step + 1}" state="${full ? 'full' : 'partial'}" entity="sip:1@x">${batch.map(dialogXml).join('')}</dialog-info>`;
        dialogs = applyDialogInfo(dialogs, parseDialogInfo(xml)!);
      }
      expect([...dialogs.keys()].sort(), `run ${run}: dialogs`).to.deep.equal([...model.keys()].sort());
      expect(lampOf(dialogs.values()).state, `run ${run}: lamp`).to.equal(expectedLamp(model.values()));
    }
  });

  it('message-summary: broken bodies never throw; counts stay whole numbers within 0..9999', () => {
    const r = rng(3842);
    const base = 'Messages-Waiting: yes\r\nMessage-Account: sip:*97@pbx\r\nVoice-Message: 12/3 (1/0)\r\n';
    for (let i = 0; i < 2000; i++) {
      const s = parseMessageSummary(mutate(mutate(base, r), r));
      if (!s?.voice) continue;
      for (const n of Object.values(s.voice)) {
        expect(Number.isInteger(n)).to.equal(true);
        expect(n).to.be.within(0, 9999);
      }
    }
  });

  it('pidf: broken bodies never throw and give a known status or nothing', () => {
    const r = rng(3863);
    const base = `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:1@x"><tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><rpid:activities><rpid:on-the-phone/></rpid:activities><dm:note>Busy</dm:note></dm:person></presence>`;
    for (let i = 0; i < 1000; i++) {
      const p = parsePidf(mutate(mutate(base, r), r));
      if (p) expect(['available', 'busy', 'away', 'offline']).to.include(p.status);
    }
  });

  it('vCard: 300 random contacts survive export and import, in 3.0 and 4.0', () => {
    const r = rng(6350);
    const word = () => Array.from({ length: 1 + r.int(12) }, () => r.pick([...'abcXYZ éü,;:\\"\'-.😀'])).join('');
    for (let i = 0; i < 300; i++) {
      const draft = sanitizeDraft({
        ...emptyDraft(),
        firstName: word(),
        lastName: r.next() < 0.7 ? word() : '',
        company: r.next() < 0.5 ? word() : '',
        phones: Array.from({ length: r.int(4) }, () => ({ number: `+${1 + r.int(9)}${r.int(1e9)}`, kind: r.pick(PHONE_KINDS) })),
        emails: r.next() < 0.5 ? [`u${r.int(999)}@example.org`] : [],
        note: r.next() < 0.3 ? `${word()}\n${word()}` : '',
        favorite: r.next() < 0.5,
      }) as ContactDraft | null;
      if (!draft) continue;
      for (const version of ['3.0', '4.0'] as const) {
        const { contacts } = parseVcards(toVcards([draft], version));
        expect(contacts, `${version}: ${JSON.stringify(draft)}`).to.deep.equal([draft]);
      }
    }
  });

  it('vCard: broken files never throw and give only clean contacts', () => {
    const r = rng(2426);
    const base = toVcards(
      [{ ...emptyDraft(), firstName: 'Ann', lastName: 'Lee', phones: [{ number: '1002', kind: 'work' }], emails: ['a@b.c'], note: 'n', favorite: true }],
      '3.0',
    ).repeat(3);
    for (let i = 0; i < 1000; i++) {
      const { contacts } = parseVcards(mutate(mutate(base, r), r));
      for (const c of contacts) expect(sanitizeDraft(c)).to.deep.equal(c);
    }
  });
});
