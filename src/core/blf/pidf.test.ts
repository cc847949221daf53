import { expect } from '@open-wc/testing';
import { parsePidf } from './pidf.js';

const pidf = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:1002@phone.test">${inner}</presence>`;

describe('pidf', () => {
  it('reads open as available and closed as offline (Kamailio test bed form)', () => {
    expect(parsePidf(pidf('<tuple id="t1"><status><basic>open</basic></status></tuple>'))).to.deep.equal({ status: 'available' });
    expect(parsePidf(pidf('<tuple id="t1"><status><basic>closed</basic></status></tuple>'))).to.deep.equal({ status: 'offline' });
  });

  it('reads RPID activities: on-the-phone is busy, away is away, with the note', () => {
    // FreeSWITCH / Asterisk style: an open tuple plus a person with activities.
    const busy = pidf(
      '<tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><rpid:activities><rpid:on-the-phone/></rpid:activities><dm:note>On the phone</dm:note></dm:person>',
    );
    expect(parsePidf(busy)).to.deep.equal({ status: 'busy', note: 'On the phone' });
    const away = pidf('<tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><rpid:activities><rpid:away/></rpid:activities></dm:person>');
    expect(parsePidf(away)!.status).to.equal('away');
    const closedBusy = pidf('<tuple id="t"><status><basic>closed</basic></status></tuple><dm:person id="p"><rpid:activities><rpid:busy/></rpid:activities></dm:person>');
    expect(parsePidf(closedBusy)!.status, 'a closed device is offline whatever the activity').to.equal('offline');
  });

  it('is available when any of several tuples is open', () => {
    expect(parsePidf(pidf('<tuple id="a"><status><basic>closed</basic></status></tuple><tuple id="b"><status><basic>open</basic></status></tuple>'))!.status).to.equal(
      'available',
    );
  });

  it('returns null for documents that say nothing, the wrong namespace, junk; throws nothing', () => {
    const bad: unknown[] = [
      pidf('<tuple id="t"><status/></tuple>'),
      '<presence xmlns="urn:example"><tuple><status><basic>open</basic></status></tuple></presence>',
      '<presence><tuple><status><basic>open</basic></status></tuple></presence>',
      '<presence xmlns="urn:ietf:params:xml:ns:pidf"><tuple>',
      '',
      'open',
      null,
      pidf('<tuple id="t"><status><basic>open</basic></status></tuple>'.repeat(20_000)),
    ];
    for (const body of bad) expect(parsePidf(body), String(body).slice(0, 60)).to.equal(null);
  });

  it('cleans the note', () => {
    const p = parsePidf(pidf(`<tuple id="t"><status><basic>open</basic></status></tuple><note>  Lunch\t\n \u202Euntil 2 ${'z'.repeat(300)}</note>`))!;
    expect(p.note).to.match(/^Lunch until 2 z+…$/);
    expect(p.note!.length).to.be.at.most(80);
  });
});
