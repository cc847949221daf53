import { expect } from '@open-wc/testing';
import { assessQuality, estimateMos, summarize } from './quality.js';

describe('call quality', () => {
  it('gives a good MOS to a clean line and a poor one to a bad line', () => {
    expect(estimateMos(20, 2, 0)).to.be.greaterThan(4.3);
    expect(estimateMos(600, 60, 8)).to.be.lessThan(3);
    expect(estimateMos(-5, Number.NaN, 1e9)).to.be.within(1, 4.5);
  });

  it('warns in words when RTT, jitter or loss pass the limits, and is quiet when they recover', () => {
    expect(assessQuality({ rtt: 450, jitter: 10, loss: 0 }).warnings).to.deep.equal(['High delay (450 ms)']);
    expect(assessQuality({ rtt: 50, jitter: 45, loss: 5 }).warnings).to.deep.equal(['High jitter (45 ms)', 'Packet loss (5.0 %)']);
    expect(assessQuality({ rtt: 50, jitter: 5, loss: 0 }).warnings).to.deep.equal([]);
  });

  it('summarizes a call: average and worst', () => {
    const summary = summarize([assessQuality({ rtt: 20, jitter: 1, loss: 0, path: 'direct', codec: 'opus' }), assessQuality({ rtt: 500, jitter: 40, loss: 10, path: 'direct', codec: 'opus' })]);
    expect(summary!.worstMos).to.be.lessThan(summary!.avgMos);
    expect(summary).to.include({ maxRtt: 500, maxJitter: 40, maxLoss: 10, path: 'direct', codec: 'opus' });
    expect(summarize([])).to.equal(undefined);
  });
});
