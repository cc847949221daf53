// Kiosk mode end to end: dials its destination after load, big Hang up, a
// keypad for menus, back to idle after each call, nothing else exposed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

describe('kiosk', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());

  it('calls the destination after load, hangs up with one touch, and returns to idle', async () => {
    const reception = await bed.peer('1002', { autoAnswer: true });
    const kiosk = await bed.open(`${bed.http.url}/test/e2e/pages/kiosk.html?username=1001&password=pass1001&destination=1002`);
    await reception.waitEvent('incoming', (e) => e.from === '1001');
    await kiosk.button('Hang up').waitFor();
    await kiosk.waitAudioFlowing();
    await kiosk.page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '5', exact: true }).click();
    assert.equal(await kiosk.page.getByRole('button', { name: 'Settings' }).count(), 0, 'no settings in a kiosk');
    assert.equal(await kiosk.page.getByRole('tab').count(), 0);
    await kiosk.button('Hang up').click();
    await reception.waitEvent('ended');
    await kiosk.button('Call Reception').waitFor();
    await kiosk.button('Call Reception').click();
    await waitFor(async () => (await reception.events('incoming')).length === 2, { message: 'second call' });
  });
});
