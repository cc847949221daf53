// Why an outgoing call failed, in words with the SIP code: the widget (1001)
// calls 1008, a sipp UAS on UDP registered in Kamailio, which answers 100,
// 180 and, half a second later, the error code under test.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startBed, waitFor } from './bed.mjs';
import { expectSipp, killAllSipp, register, sentStatuses, sipp } from './sipp.mjs';

const CALLEE = '1008';
const UAS_PORT = 5072;

const CASES = [
  [486, 'Busy Here', 'Busy'],
  [600, 'Busy Everywhere', 'Busy'],
  [603, 'Decline', 'Declined'],
  [404, 'Not Found', 'Not found'],
  [604, 'Does Not Exist Anywhere', 'Not found'],
  [480, 'Temporarily Unavailable', 'Unavailable'],
  [408, 'Request Timeout', 'No answer'],
  [484, 'Address Incomplete', 'Address incomplete'],
];

/** True once some socket is bound to UDP 127.0.0.1:`port` (this network namespace). */
function udpBound(port) {
  const hex = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/udp', 'utf8')
    .split('\n')
    .some((l) => l.trim().split(/\s+/)[1] === hex);
}

describe('why an outgoing call failed (sipp UAS answering with an error)', () => {
  let bed;
  let alice;
  let uas;
  before(async () => {
    bed = await startBed();
    expectSipp(await register(CALLEE, UAS_PORT, 300), 'RESULT 200 REGISTER');
    alice = await bed.phone('1001');
  });
  afterEach(async () => {
    await uas?.kill();
    uas = undefined;
    // after a failed test the call may still ring: end it so the next code starts from Ready
    const hangup = alice?.button('Hang up');
    if (hangup && (await hangup.count())) await hangup.click().catch(() => undefined);
  });
  after(async () => {
    await killAllSipp();
    await bed?.close();
  });

  for (const [code, reason, words] of CASES) {
    it(`${code} ${reason}: "Call to ${CALLEE} failed: ${words} (${code})", after Ringing…`, async () => {
      await alice.waitStatus('Ready');
      const endsBefore = (await alice.events('phone-call-end')).length;
      uas = sipp('uas-reply.xml', ['-s', CALLEE, '-key', 'code', String(code)], { port: UAS_PORT, timeout: 10 });
      await waitFor(() => udpBound(UAS_PORT), { timeout: 5000, message: `sipp listening on UDP ${UAS_PORT}` });

      const failed = `Call to ${CALLEE} failed: ${words} (${code})`;
      await alice.dial(CALLEE);
      await alice.waitText('Ringing…', 5000);
      assert.ok(!(await alice.text()).includes(failed), 'the failure shows only after the ringing');
      await alice.waitText(failed, 5000);
      await alice.waitStatus('Ready');

      const ends = await alice.events('phone-call-end');
      assert.equal(ends.length, endsBefore + 1, 'one phone-call-end per call');
      const end = ends.at(-1).detail;
      assert.equal(end.direction, 'outbound');
      assert.equal(end.remote.number, CALLEE);
      assert.equal(end.duration, 0);
      assert.equal(end.cause.sipCode, code);
      assert.equal(end.cause.text, `${words} (${code})`);
      assert.equal(end.cause.by, 'remote');

      // sipp really sent 100, 180 and this code (retransmissions folded), and got the ACK
      const r = await uas.done;
      expectSipp(r, `RESULT ACK ${code}`);
      assert.deepEqual(sentStatuses(r).filter((c, i, all) => c !== all[i - 1]), [100, 180, code]);
    });
  }
});
