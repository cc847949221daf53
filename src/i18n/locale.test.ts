import { expect } from '@open-wc/testing';
import { lookup, matchLocale, pickLocale } from './locale.js';

describe('locale choice', () => {
  it('takes the attribute over data-lang and the browser', () => {
    expect(pickLocale({ attribute: 'de', script: 'en', languages: ['en-US'] })).to.equal('de');
    expect(pickLocale({ attribute: 'en', script: 'de', languages: ['de-DE'] })).to.equal('en');
  });

  it("takes the script's data-lang over the browser", () => {
    expect(pickLocale({ script: 'de', languages: ['en-GB'] })).to.equal('de');
    expect(pickLocale({ attribute: '', script: 'de-CH', languages: ['en-GB'] })).to.equal('de');
  });

  it("takes the browser's first shipped language", () => {
    expect(pickLocale({ languages: ['fr-FR', 'de-AT', 'en'] })).to.equal('de');
    expect(pickLocale({ languages: ['en-US', 'de'] })).to.equal('en');
  });

  it('falls back to English', () => {
    expect(pickLocale({})).to.equal('en');
    expect(pickLocale({ languages: ['fr', 'ja-JP'] })).to.equal('en');
    // An explicit language the phone lacks is English, not the browser's choice.
    expect(pickLocale({ attribute: 'fr', languages: ['de'] })).to.equal('en');
    expect(pickLocale({ script: 'xx', languages: ['de'] })).to.equal('en');
  });

  it("finds a translation by its full id, or by the 7 characters the single script's build keeps", () => {
    const full = lookup({ templates: { s0123456789abcdef: 'Annehmen' } }).templates;
    expect(full['s0123456789abcdef']).to.equal('Annehmen');
    const short = lookup({ templates: { s012345: 'Annehmen' } }).templates;
    expect(short['s0123456789abcdef']).to.equal('Annehmen');
    expect(short['s0123450000000000']).to.equal('Annehmen');
    expect(short['s9999999999999999']).to.equal(undefined);
    expect(short['constructor']).to.equal(undefined);
  });

  it('reads a region as its language', () => {
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('DE_de')).to.equal('de');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('deu')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
    expect(matchLocale(undefined)).to.equal(undefined);
  });
});
