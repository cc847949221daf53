import { expect } from '@open-wc/testing';
import { PRESETS, presetNamed, withPreset } from './presets.js';

describe('feature-code presets', () => {
  it('fills FreePBX codes: park 70 with slots 71–78, voicemail *97, pickup **', () => {
    const codes = withPreset('asterisk', {});
    expect(codes).to.include({ parkCode: '70', voicemailCode: '*97', pickupCode: '**', dndOnCode: '*78', dndOffCode: '*79', recordCode: '*1' });
    expect(codes.parkSlots).to.equal('71,72,73,74,75,76,77,78');
  });

  it('fills FreeSWITCH codes: valet park *5900, voicemail *97, pickup **, eavesdrop *33', () => {
    const codes = withPreset('freeswitch', {});
    expect(codes).to.include({ parkCode: '*5900', voicemailCode: '*97', pickupCode: '**', listenCode: '*33' });
    expect(codes.parkSlots?.split(',')).to.deep.equal(['*5901', '*5902', '*5903', '*5904', '*5905', '*5906', '*5907', '*5908']);
  });

  it('fills the seed conventions: 007 monitoring with *81 *82 *80, recording *1, voicemail prefix 03', () => {
    expect(withPreset('seed', {})).to.deep.equal({
      voicemailPrefix: '03',
      listenCode: '007',
      monitorCodes: 'whisper=*81,barge=*82,listen=*80',
      recordCode: '*1',
    });
  });

  it('lets every explicit setting win over the preset, and keeps settings the preset does not know', () => {
    const codes = withPreset('asterisk', { parkCode: '700', parkSlots: '701,702', voicemailCode: '*98', listenCode: '555' });
    expect(codes).to.include({ parkCode: '700', parkSlots: '701,702', voicemailCode: '*98', listenCode: '555', pickupCode: '**' });
  });

  it('treats empty and blank settings as unset', () => {
    expect(withPreset('asterisk', { parkCode: '', voicemailCode: '  ' })).to.include({ parkCode: '70', voicemailCode: '*97' });
  });

  it('changes nothing without a preset or with an unknown one', () => {
    expect(withPreset(undefined, { parkCode: '70' })).to.deep.equal({ parkCode: '70' });
    expect(withPreset('cisco', { recordCode: '*1' })).to.deep.equal({ recordCode: '*1' });
    expect(withPreset('toString', {})).to.deep.equal({});
    expect(withPreset('__proto__', {})).to.deep.equal({});
  });

  it('reads preset names without regard to case or spaces', () => {
    expect(presetNamed(' FreeSWITCH ')).to.equal('freeswitch');
    expect(presetNamed('Asterisk')).to.equal('asterisk');
    expect(presetNamed('')).to.equal(undefined);
    expect(presetNamed(null)).to.equal(undefined);
  });

  it('never changes the preset tables', () => {
    const before = JSON.stringify(PRESETS);
    withPreset('asterisk', { parkCode: '1' });
    expect(JSON.stringify(PRESETS)).to.equal(before);
  });
});
