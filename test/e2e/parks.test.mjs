// Call parks end to end: the widget watches its park slot with the dialog
// event package through Kamailio's presence server; a bare JsSIP peer
// registered as the slot extension plays the PBX's park. Parking (a REFER)
// makes the slot busy with the parked caller, Retrieve calls the slot, and
// the slot is free again once the parked caller is gone.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBed, waitFor } from './bed.mjs';

/** The text of the <phone-parks> view inside the widget. */
const parksText = (phone) =>
  phone.page.evaluate(() => {
    const view = document.querySelector('phone-widget').shadowRoot.querySelector('phone-parks');
    return view ? view.shadowRoot.textContent.replace(/\s+/g, ' ') : '';
  });
const slotState = (phone, slot) =>
  phone.page.evaluate((s) => document.querySelector('phone-widget').session.parks.state.slots.find((x) => x.slot === s)?.state, slot);
const parksTab = (phone) => phone.page.getByRole('tab', { name: /^Parks/ });
/** Dialog state goes SIP → Kamailio's presence server → NOTIFY: slow on a loaded 2-core machine. */
const DIALOG_WAIT = { timeout: 20000 };

describe('call parks', () => {
  let bed;
  before(async () => {
    bed = await startBed();
  });
  after(() => bed?.close());
  afterEach(() => bed.closePhones());

  it('follows the slot: free, taken by the parked caller (badge, waiting time), retrieved, then free', async () => {
    const slot = await bed.peer('1007', { autoAnswer: true });
    const bob = await bed.peer('1002', { autoAnswer: true });
    const alice = await bed.phone('1001');
    await alice.set({ parkSlots: '1007' });
    await waitFor(async () => (await slotState(alice, '1007')) === 'free', { ...DIALOG_WAIT, message: 'slot 1007 free' });

    await alice.dial('1002');
    await alice.waitText('Connected');
    await alice.button('More').click();
    // The Park choice says the slot is free before parking.
    const parkOn = alice.page.getByRole('button', { name: 'Park on 1007', exact: true });
    await waitFor(async () => (await parkOn.getAttribute('aria-describedby')) !== null, { message: 'slot state beside Park on 1007' });
    await alice.waitText('Free');
    await parkOn.click();
    await slot.waitEvent('incoming', (e) => e.from === '1002');
    await alice.waitText('Call parked on 1007');
    await alice.waitStatus('Ready');

    // Kamailio's dialog NOTIFY for 1007 names Bob as the other party.
    await waitFor(async () => (await slotState(alice, '1007')) === 'occupied', { ...DIALOG_WAIT, message: 'slot 1007 occupied' });
    await waitFor(async () => /, 1 parked call/.test((await parksTab(alice).innerText().catch(() => '')) + (await parksTab(alice).textContent())), {
      ...DIALOG_WAIT,
      message: 'badge on the Parks tab',
    });
    await parksTab(alice).click();
    await waitFor(async () => /1007 · (Bob|1002)/.test(await parksText(alice)), { message: 'parked caller in the parks view' });
    await waitFor(async () => /0:0[1-9]/.test(await parksText(alice)), { message: 'waiting time running' });

    // Retrieve calls the slot.
    await alice.page.getByRole('button', { name: /^Retrieve (Bob|1002) from 1007$/ }).click();
    await slot.waitEvent('incoming', (e) => e.from === '1001');
    await alice.waitText('Connected');
    await alice.page.evaluate(() => document.querySelector('phone-widget').hangup());
    await alice.waitStatus('Ready');

    // The parked caller leaves: the slot is free again and the badge goes.
    await bob.run((peer) => peer.hangup());
    await waitFor(async () => (await slotState(alice, '1007')) === 'free', { ...DIALOG_WAIT, message: 'slot 1007 free again' });
    await parksTab(alice).click();
    await waitFor(async () => (await parksText(alice)).includes('1007 Free'), { message: 'free in the parks view' });
    assert.equal(await alice.page.evaluate(() => document.querySelector('phone-widget').session.parks.state.parked), 0);
    assert.doesNotMatch(await parksTab(alice).textContent(), /parked call/);
  });
});
