// Takes screenshots of the phone in its main states, light and dark, at
// 320 px and as a floating panel, into test/screenshots/ (for people to look
// at; not a test). Run: sh test/netns.sh node demo/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { startBed, activationUrl } from '../test/e2e/bed.mjs';

const out = new URL('../test/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const bed = await startBed();
const shot = (phone, name, locator = 'phone-widget') => phone.page.locator(locator).first().screenshot({ path: `${out}${name}.png` });

try {
  for (const scheme of ['light', 'dark']) {
    const open = async (user, opts = {}, viewport = { width: 320, height: 640 }) => {
      const context = await bed.browser.newContext({ colorScheme: scheme, viewport });
      const page = await context.newPage();
      await page.goto(activationUrl(bed.http.url, user, opts));
      const phone = { page, context };
      await page.locator('phone-widget [part=status]').filter({ hasText: opts.expect ?? 'Ready' }).waitFor();
      return phone;
    };
    const alice = await open('1001');
    const bob = await open('1002');
    await shot(alice, `${scheme}-320-ready`);
    await alice.page.getByRole('combobox', { name: 'Number to call' }).fill('1002');
    await alice.page.getByRole('combobox', { name: 'Number to call' }).press('Enter');
    await bob.page.getByRole('button', { name: 'Answer' }).waitFor();
    await shot(bob, `${scheme}-320-incoming`);
    await shot(alice, `${scheme}-320-ringing-out`);
    await bob.page.getByRole('button', { name: 'Answer' }).click();
    await alice.page.getByRole('button', { name: 'Mute' }).waitFor();
    await new Promise((r) => setTimeout(r, 2200));
    await shot(alice, `${scheme}-320-connected`);
    await alice.page.getByRole('button', { name: 'Keypad' }).click();
    await alice.page.getByRole('group', { name: /^Keypad for/ }).getByRole('button', { name: '5', exact: true }).click();
    await shot(alice, `${scheme}-320-keypad`);
    await alice.page.getByRole('button', { name: 'Transfer' }).click();
    await alice.page.getByRole('combobox', { name: 'Transfer to' }).fill('1003');
    await shot(alice, `${scheme}-320-transfer`);
    await alice.page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await alice.page.getByRole('button', { name: 'Hold' }).click();
    await alice.page.getByText('On hold').first().waitFor();
    await shot(alice, `${scheme}-320-held`);
    await alice.page.getByRole('button', { name: 'Hide call' }).click();
    await shot(alice, `${scheme}-320-hidden-call`);
    await alice.page.locator('phone-call-card [part=chip]').first().click();
    await alice.page.getByRole('button', { name: 'Settings' }).click();
    await shot(alice, `${scheme}-320-settings`);
    await alice.page.getByRole('button', { name: 'Done' }).click();
    await bob.page.getByRole('button', { name: 'Hang up' }).click();
    await alice.page.locator('phone-call-card [part=ended]').waitFor();
    await shot(alice, `${scheme}-320-ended`);
    // A local conference: Alice calls Bob and Carol and merges the calls.
    const carol = await open('1003');
    await alice.page.getByRole('combobox', { name: 'Number to call' }).fill('1002');
    await alice.page.getByRole('combobox', { name: 'Number to call' }).press('Enter');
    await bob.page.getByRole('button', { name: 'Answer' }).click();
    await alice.page.getByRole('button', { name: 'Add call' }).click();
    await alice.page.getByRole('combobox', { name: 'Number to call' }).fill('1003');
    await alice.page.getByRole('combobox', { name: 'Number to call' }).press('Enter');
    await carol.page.getByRole('button', { name: 'Answer' }).click();
    await alice.page.getByRole('button', { name: 'Merge calls' }).click();
    await alice.page.getByRole('button', { name: 'End conference' }).waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    await shot(alice, `${scheme}-320-conference`);
    await alice.page.getByRole('button', { name: 'End conference' }).click();
    await bob.page.getByRole('button', { name: 'Hang up' }).click();
    await carol.page.getByRole('button', { name: 'Hang up' }).click();
    await carol.context.close();
    await alice.page.locator('phone-call-card [part=ended]').first().waitFor().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    await alice.page.getByRole('tab', { name: 'History' }).click();
    await alice.page.locator('phone-history li').first().waitFor();
    await alice.page.locator('phone-history li .row').first().click();
    await shot(alice, `${scheme}-320-history`);
    await alice.page.getByRole('tab', { name: 'Phone' }).click();
    // A server conference room: a bare peer plays the room (1008); Erin (1005) is sent there, then the user leaves it.
    const room = await bed.peer('1008', { autoAnswer: true });
    const erin = await bed.peer('1005', { autoAnswer: true });
    const setRoom = (value) => alice.page.evaluate(async (v) => {
      const el = document.querySelector('phone-widget');
      el.conferenceRoom = v;
      await el.updateComplete;
    }, value);
    await setRoom('1008');
    await alice.page.getByRole('combobox', { name: 'Number to call' }).fill('1005');
    await alice.page.getByRole('combobox', { name: 'Number to call' }).press('Enter');
    await alice.page.getByRole('button', { name: 'More', exact: true }).click();
    await alice.page.getByRole('button', { name: 'Conference', exact: true }).click();
    await alice.page.getByText('In your conference').waitFor();
    await shot(alice, `${scheme}-320-conference-room`);
    await alice.page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await alice.page.getByRole('button', { name: /^Your conference/ }).waitFor({ timeout: 15000 });
    await shot(alice, `${scheme}-320-conference-room-rejoin`);
    await Promise.all([room.close(), erin.close()]);
    await setRoom('');
    const wrong = await open('1003', { password: 'wrong', expect: 'Disconnected' });
    await wrong.page.locator('phone-widget .reason').filter({ hasText: 'Wrong user name' }).waitFor();
    await shot(wrong, `${scheme}-320-wrong-password`);
    const floating = await open('1004', { page: 'blank.html' }, { width: 1024, height: 700 });
    await floating.page.screenshot({ path: `${out}${scheme}-floating.png` });
    await floating.page.getByRole('button', { name: 'Minimise' }).click();
    await floating.page.screenshot({ path: `${out}${scheme}-floating-collapsed.png` });
    const kioskCtx = await bed.browser.newContext({ colorScheme: scheme, viewport: { width: 600, height: 700 } });
    const kiosk = await kioskCtx.newPage();
    await kiosk.goto(`${bed.http.url}/demo/kiosk.html?username=1006&password=pass1006`);
    // The kiosk calls its destination as soon as it is ready.
    await kiosk.getByRole('button', { name: /Call reception|Hang up/ }).waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    await kiosk.screenshot({ path: `${out}${scheme}-kiosk.png` });
    await kioskCtx.close();
    const demo = await bed.browser.newContext({ colorScheme: scheme, viewport: { width: 1100, height: 760 } });
    const demoPage = await demo.newPage();
    await demoPage.goto(`${bed.http.url}/demo/?username=1005&password=pass1005`);
    await demoPage.locator('phone-widget [part=status]').filter({ hasText: 'Ready' }).waitFor();
    await demoPage.screenshot({ path: `${out}${scheme}-demo.png` });
    await bob.page.getByRole('combobox', { name: 'Number to call' }).fill('1005');
    await bob.page.getByRole('combobox', { name: 'Number to call' }).press('Enter');
    await demoPage.locator('#screen-pop').waitFor();
    await demoPage.screenshot({ path: `${out}${scheme}-demo-screen-pop.png` });
    await bob.page.getByRole('button', { name: 'Hang up' }).click();
    const builder = await demo.newPage();
    await builder.goto(`${bed.http.url}/demo/activate.html`);
    await builder.getByLabel('Server', { exact: true }).fill('wss://pbx.example.com:8089/ws');
    await builder.getByLabel('Identity (SIP URI)').fill('sip:1001@pbx.example.com');
    await builder.getByLabel('Password', { exact: true }).fill('s3cret');
    await builder.screenshot({ path: `${out}${scheme}-activate.png`, fullPage: true });
    for (const c of [alice, bob, wrong, floating]) await c.context.close();
    await demo.close();
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await bed.close();
}
