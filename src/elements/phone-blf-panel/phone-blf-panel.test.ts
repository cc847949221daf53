import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  accessibleInBothThemes,
  button,
  DIALOG_CT,
  dialogInfo,
  key,
  mount,
  nameOf,
  root,
  settle,
  sleep,
  textOf,
} from './panel-fixture.test.js';

const MWI_CT = 'application/simple-message-summary';

/** The live dialog subscription to an extension. */
function sub(agent: ReturnType<Awaited<ReturnType<typeof mount>>['agent']>, ext: string, event = 'dialog') {
  const found = agent.subscriptions.filter((s) => s.event === event && s.target === `sip:${ext}@phone.test` && !s.terminated);
  expect(found, `one live ${event} subscription to ${ext}`).to.have.length(1);
  return found[0]!;
}

const lampColour = (b: HTMLButtonElement) => getComputedStyle(b.querySelector('.lamp')!).backgroundColor;
const tokenColour = (el: Element, token: string) => {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  el.shadowRoot!.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
};

describe('<phone-blf-panel> keys', () => {
  it('shows each lamp state in its colour, its text, its state attribute and its accessible name, light and dark', async () => {
    const { widget, panel, agent } = await mount();
    const bob = () => key(panel, '1002');
    const check = async (state: string, words: string) => {
      await settle(panel);
      expect(bob().getAttribute('state')).to.equal(state);
      expect(nameOf(bob())).to.match(new RegExp(`^Bob, 1002, ${words}(, Carol)?$`));
      expect(bob().textContent!.replace(/\s+/g, ' ')).to.contain(`1002 · ${words}`);
      expect(bob().getAttribute('part')).to.equal(`key key-${state}`);
      await accessibleInBothThemes(widget, panel);
    };
    await check('unknown', 'unknown');
    expect(lampColour(bob()), 'unknown is grey').to.equal(tokenColour(panel, '--_muted'));

    const s = sub(agent(), '1002');
    s.activate();
    await check('idle', 'idle');
    expect(lampColour(bob()), 'idle is green').to.equal(tokenColour(panel, '--_ok'));

    s.notify(dialogInfo('early'), DIALOG_CT);
    await check('ringing', 'ringing');
    expect(lampColour(bob()), 'ringing is amber').to.equal(tokenColour(panel, '--_warn'));
    expect(nameOf(bob()), 'who rings').to.equal('Bob, 1002, ringing, Carol');

    s.notify(dialogInfo('confirmed'), DIALOG_CT);
    await check('busy', 'busy');
    expect(lampColour(bob()), 'busy is red').to.equal(tokenColour(panel, '--_danger'));

    s.notify(dialogInfo('confirmed', '', '<local><target uri="sip:1002@x"><param pname="+sip.rendering" pvalue="no"/></target></local>'), DIALOG_CT);
    await check('held', 'on hold');

    s.end(true);
    await check('offline', 'offline');
  });

  it('blinks a ringing lamp, and holds it steady when the user prefers reduced motion', async () => {
    const { panel, agent } = await mount();
    sub(agent(), '1002').notify(dialogInfo('early'), DIALOG_CT);
    await settle(panel);
    const lamp = key(panel, '1002').querySelector('.lamp')!;
    expect(getComputedStyle(lamp).animationName).to.equal('blink');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(lamp).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('calls the extension when no call is going on', async () => {
    const { panel, agent } = await mount();
    sub(agent(), '1003').activate();
    await settle(panel);
    expect(key(panel, '1003').title).to.equal('Call Carol');
    key(panel, '1003').click();
    expect(agent().calls.map((c) => c.remote.uri)).to.deep.equal(['sip:1003@phone.test']);
  });

  it('during a call, transfers the call to the key (blind)', async () => {
    const { widget, panel, agent } = await mount();
    const call = agent().ring({ number: '1004', name: 'Dave', uri: 'sip:1004@phone.test' });
    widget.session.answer(call.id);
    await settle(panel);
    expect(key(panel, '1003').title).to.equal('Transfer the call to Carol');
    key(panel, '1003').click();
    await sleep(0);
    expect(call.log).to.include('refer:sip:1003@phone.test');
    expect(agent().calls, 'no new call placed').to.have.length(1);
  });

  it('picks up a ringing key with the pickup code, and offers Listen on a busy key', async () => {
    const { widget, panel, agent } = await mount();
    const s = sub(agent(), '1002');
    s.notify(dialogInfo('early'), DIALOG_CT);
    await settle(panel);
    expect(key(panel, '1002').title).to.equal('Pick up the call ringing at Bob');
    key(panel, '1002').click();
    expect(agent().calls.at(-1)!.remote.uri).to.equal('sip:**1002@phone.test');
    agent().calls.at(-1)!.remoteEnds(404);
    s.notify(dialogInfo('confirmed'), DIALOG_CT);
    await settle(panel);
    button(root(panel), 'Listen to Bob').click();
    expect(agent().calls.at(-1)!.remote.uri).to.equal('sip:0071002@phone.test');
    await accessibleInBothThemes(widget, panel);
  });

  it('says why a click did nothing (not connected)', async () => {
    const { panel } = await mount(undefined, false);
    key(panel, '1002').click();
    await settle(panel);
    expect(root(panel).querySelector('[role="alert"]')!.textContent).to.equal('The phone is not connected yet.');
  });

  it('renders names from the network as text, never as markup', async () => {
    const { panel, agent } = await mount();
    sub(agent(), '1002').notify(
      dialogInfo('early', 'direction="recipient"', '<remote><identity display="&lt;img src=x onerror=&quot;window.hacked=1&quot;&gt;">sip:1@x</identity></remote>'),
      DIALOG_CT,
    );
    await settle(panel);
    expect(root(panel).querySelector('img')).to.equal(null);
    expect(key(panel, '1002').textContent).to.contain('<img src=x');
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('keeps working through malformed bodies', async () => {
    const { panel, agent } = await mount();
    const s = sub(agent(), '1002');
    s.notify(dialogInfo('confirmed'), DIALOG_CT);
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      for (const junk of ['<dialog-info', '\u0000\u0001', 'x'.repeat(300_000), '<dialog-info xmlns="urn:x"/>']) s.notify(junk, DIALOG_CT);
      agent().receiveNotify('message-summary', 'Messages-Waiting: perhaps', MWI_CT);
    } finally {
      console.warn = warn;
    }
    await settle(panel);
    expect(key(panel, '1002').getAttribute('state')).to.equal('busy');
  });

  it('takes keys as a JSON attribute or a property; junk entries are skipped', async () => {
    const { panel } = await mount(`keys='[{"extension":"1005","label":"Erin"},{"label":"no extension"},"1006"]'`);
    expect([...root(panel).querySelectorAll('button.key')].map(nameOf)).to.deep.equal(['Erin, 1005, idle'.replace('idle', 'unknown'), '1006, unknown']);
    panel.keys = [{ extension: '1007', label: 'Grace' }, { extension: '<script>', label: 'x' }] as never;
    await settle(panel);
    expect([...root(panel).querySelectorAll('button.key')].map(nameOf)).to.deep.equal(['Grace, 1007, unknown']);
  });

  it('says which account has no keys', async () => {
    const { panel } = await mount('');
    expect(textOf(panel)).to.contain('No BLF keys configured for 1001.');
  });

  it('fits 320 px without scrolling sideways', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `${2000 + i}:A rather long colleague name ${i}`).join(',');
    const { widget, panel } = await mount(`keys="${many}" voicemail-code="*97"`);
    widget.style.width = '320px';
    await settle(panel);
    const section = root(panel).querySelector('.panel')!;
    expect(section.scrollWidth).to.be.at.most(section.clientWidth + 1);
    expect(panel.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('releases its key subscriptions when it leaves the page (the phone keeps voicemail for phone-voicemail)', async () => {
    const { panel, agent } = await mount();
    expect(agent().subscriptions.filter((s) => !s.terminated).length).to.equal(3);
    panel.remove();
    const live = agent().subscriptions.filter((s) => !s.terminated);
    expect(live.map((s) => s.event)).to.deep.equal(['message-summary']);
  });

  it('moves between views with the arrow keys (tabs)', async () => {
    const { panel } = await mount();
    const tabs = () => [...root(panel).querySelectorAll('[role="tab"]')] as HTMLButtonElement[];
    expect(tabs().map(nameOf)).to.deep.equal(['Keys', 'Directory', 'Contacts']);
    tabs()[0]!.focus();
    tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle(panel);
    expect(panel.view).to.equal('directory');
    expect(tabs()[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(root(panel).activeElement).to.equal(tabs()[1]);
    tabs()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle(panel);
    expect(panel.view).to.equal('contacts');
  });
});

describe('<phone-blf-panel> voicemail and DND', () => {
  it('shows the count of new messages and dials the voicemail code', async () => {
    const { widget, panel, agent } = await mount();
    const vm = () => root(panel).querySelector('[part="voicemail"]') as HTMLButtonElement;
    expect(nameOf(vm())).to.equal('Voicemail');
    sub(agent(), '1001', 'message-summary').notify('Messages-Waiting: yes\r\nVoice-Message: 2/5 (1/0)\r\n', MWI_CT);
    await settle(panel);
    expect(nameOf(vm())).to.equal('Voicemail, 2 new messages, 1 urgent');
    expect(vm().querySelector('[part="badge"]')!.textContent).to.equal('2');
    await accessibleInBothThemes(widget, panel);
    agent().receiveNotify('message-summary', 'Messages-Waiting: yes\r\nVoice-Message: 120/0\r\n', MWI_CT);
    await settle(panel);
    expect(vm().querySelector('[part="badge"]')!.textContent).to.equal('120');
    agent().receiveNotify('message-summary', 'Messages-Waiting: no\r\nVoice-Message: 0/7\r\n', MWI_CT);
    await settle(panel);
    expect(nameOf(vm())).to.equal('Voicemail, no new messages');
    expect(vm().querySelector('[part="badge"]')).to.equal(null);
    vm().click();
    expect(agent().calls.at(-1)!.remote.uri).to.equal('sip:*97@phone.test');
  });

  it('without a voicemail code, shows the indicator only once the server tells', async () => {
    const { widget, panel, agent } = await mount('keys="1002"');
    expect(root(panel).querySelector('[part="voicemail"]')).to.equal(null);
    agent().receiveNotify('message-summary', 'Messages-Waiting: yes\r\n', MWI_CT);
    await settle(panel);
    const vm = root(panel).querySelector('[part="voicemail"]')!;
    expect(vm.tagName).to.equal('SPAN');
    expect(nameOf(vm)).to.equal('Voicemail, messages waiting');
    await accessibleInBothThemes(widget, panel);
  });

  it('toggles Do Not Disturb; calls are then rejected with 486', async () => {
    const { widget, panel, agent } = await mount();
    const dnd = () => button(root(panel), 'Do not disturb');
    expect(dnd().getAttribute('aria-pressed')).to.equal('false');
    dnd().click();
    await settle(panel);
    expect(dnd().getAttribute('aria-pressed')).to.equal('true');
    expect(widget.session.state.settings.dnd).to.equal(true);
    await accessibleInBothThemes(widget, panel);
    const call = agent().ring({ number: '1002', uri: 'sip:1002@phone.test' });
    expect(call.log).to.deep.equal(['reject:486']);
    dnd().click();
    await settle(panel);
    expect(widget.session.state.settings.dnd).to.equal(false);
  });
});
