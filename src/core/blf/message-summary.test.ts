import { expect } from '@open-wc/testing';
import { parseMessageSummary } from './message-summary.js';

describe('message-summary', () => {
  it('reads Asterisk, FreeSWITCH and Kamailio (presence_mwi) bodies', () => {
    expect(parseMessageSummary('Messages-Waiting: yes\r\nMessage-Account: sip:*97@pbx.example.com\r\nVoice-Message: 2/8 (1/0)\r\n')).to.deep.equal({
      waiting: true,
      voice: { new: 2, old: 8, urgentNew: 1, urgentOld: 0 },
    });
    expect(parseMessageSummary('Messages-Waiting: no\r\nMessage-Account: sip:1000@10.0.0.1\r\nVoice-Message: 0/3 (0/0)\r\n\r\n')).to.deep.equal({
      waiting: false,
      voice: { new: 0, old: 3, urgentNew: 0, urgentOld: 0 },
    });
    expect(parseMessageSummary('Messages-Waiting: yes\r\nMessage-Account: sip:1001@phone.test\r\nVoice-Message: 2/0 (0/0)\r\n')!.voice!.new).to.equal(2);
  });

  it('takes LF line ends, any header case, spaces, and counts without the urgent part', () => {
    expect(parseMessageSummary('messages-waiting:YES\nvoice-message:  3 / 1\n')).to.deep.equal({
      waiting: true,
      voice: { new: 3, old: 1, urgentNew: 0, urgentOld: 0 },
    });
  });

  it('knows "waiting" without counts, and ignores other message classes', () => {
    expect(parseMessageSummary('Messages-Waiting: yes\r\nFax-Message: 1/0\r\n')).to.deep.equal({ waiting: true });
  });

  it('caps huge counts and refuses what is not a summary, throwing nothing', () => {
    expect(parseMessageSummary('Messages-Waiting: yes\r\nVoice-Message: 999999999/0 (999999999/0)')!.voice).to.deep.equal({
      new: 9999,
      old: 0,
      urgentNew: 9999,
      urgentOld: 0,
    });
    for (const bad of ['', 'Voice-Message: 2/0', 'Messages-Waiting: maybe', '<xml/>', 'x'.repeat(100_000), null, 7, {}]) {
      expect(parseMessageSummary(bad), String(bad).slice(0, 30)).to.equal(null);
    }
    expect(parseMessageSummary('Messages-Waiting: yes\r\nVoice-Message: -2/NaN')).to.deep.equal({ waiting: true });
  });
});
