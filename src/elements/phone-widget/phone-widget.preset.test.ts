import { expect, fixture, html } from '@open-wc/testing';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import { PhoneWidget } from './phone-widget.js';

describe('<phone-widget preset>', () => {
  it('fills the codes the page did not set from the preset; explicit attributes win', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation preset="asterisk" park-code="700"></test-phone-widget>`,
    )) as TestPhoneWidget;
    const s = el.session.state.settings;
    expect(s.parkCode, 'explicit').to.equal('700');
    expect(s.parkSlots).to.deep.equal(['71', '72', '73', '74', '75', '76', '77', '78']);
    expect(s.recordCode).to.equal('*1');
    expect(s.dndOnCode).to.equal('*78');
    expect(s.monitor).to.equal(undefined);
  });

  it('follows a change of preset, and the seed preset sets up monitoring', async () => {
    const el = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation preset="freeswitch"></test-phone-widget>`,
    )) as TestPhoneWidget;
    expect(el.session.state.settings.parkCode).to.equal('*5900');
    el.preset = 'seed';
    await el.updateComplete;
    const s = el.session.state.settings;
    expect(s.parkCode).to.equal(undefined);
    expect(s.voicemailPrefix).to.equal('03');
    expect(s.monitor).to.deep.equal({ listenCode: '007', whisper: '*81', barge: '*82', listenOnly: '*80' });
  });
});

describe('<phone-widget> script preset', () => {
  afterEach(() => {
    PhoneWidget.scriptPreset = undefined;
  });

  it('uses the script tag’s preset when the element sets none; the element’s own preset wins', async () => {
    PhoneWidget.scriptPreset = 'asterisk';
    const plain = (await fixture(html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation></test-phone-widget>`)) as TestPhoneWidget;
    expect(plain.session.state.settings.parkCode).to.equal('70');
    const own = (await fixture(
      html`<test-phone-widget server="ws://127.0.0.1:8080" identity="sip:1001@phone.test" password="p" no-url-activation preset="freeswitch"></test-phone-widget>`,
    )) as TestPhoneWidget;
    expect(own.session.state.settings.parkCode).to.equal('*5900');
  });
});
