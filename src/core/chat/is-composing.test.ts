import { expect } from '@open-wc/testing';
import {
  buildIsComposing,
  ComposingReceiver,
  ComposingSender,
  IDLE_S,
  parseIsComposing,
  RECEIVER_DEFAULT_S,
  REFRESH_S,
  type Timers,
} from './is-composing.js';

/** A clock the test moves by hand. */
class FakeClock implements Timers {
  now = 0;
  #next = 1;
  #timers = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
  }
  get pending(): number {
    return this.#timers.size;
  }
}

describe('isComposing documents (RFC 3994)', () => {
  it('builds active with the refresh interval, and idle without', () => {
    expect(parseIsComposing(buildIsComposing('active', 90))).to.deep.equal({ state: 'active', refresh: 90, contentType: 'text/plain' });
    const idle = buildIsComposing('idle', 90);
    expect(idle).not.to.contain('<refresh>');
    expect(parseIsComposing(idle)).to.deep.equal({ state: 'idle', contentType: 'text/plain' });
  });

  it('reads the RFC example with a namespace prefix', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <is:isComposing xmlns:is="urn:ietf:params:xml:ns:im-iscomposing">
        <is:state>active</is:state><is:contenttype>text/plain</is:contenttype><is:refresh>60</is:refresh>
      </is:isComposing>`;
    expect(parseIsComposing(xml)).to.deep.equal({ state: 'active', refresh: 60, contentType: 'text/plain' });
  });

  it('refuses hostile or broken documents and bounds odd refresh values', () => {
    for (const bad of ['', 'active', '<isComposing><state>typing</state></isComposing>', '<isComposing><state>active', '<x><state>active</state></x>']) {
      expect(parseIsComposing(bad), bad).to.equal(null);
    }
    expect(parseIsComposing('<isComposing><state>active</state><refresh>1</refresh></isComposing>')!.refresh).to.equal(5);
    expect(parseIsComposing('<isComposing><state>active</state><refresh>99999999</refresh></isComposing>')!.refresh).to.equal(3600);
    expect(parseIsComposing('<isComposing><state>active</state><refresh>-3</refresh></isComposing>')!.refresh).to.equal(undefined);
    expect(parseIsComposing('<isComposing><state>active</state><refresh>abc</refresh></isComposing>')!.refresh).to.equal(undefined);
  });
});

describe('ComposingSender', () => {
  function sender() {
    const clock = new FakeClock();
    const sent: Array<[string, number | undefined, number]> = [];
    const s = new ComposingSender((state, refresh) => sent.push([state, refresh, clock.now / 1000]), clock);
    return { clock, sent, s };
  }

  it('says active on the first keystroke only, then idle after 15 s without typing', () => {
    const { clock, sent, s } = sender();
    s.keystroke();
    clock.advance(5000);
    s.keystroke();
    clock.advance(5000);
    s.keystroke();
    expect(sent).to.deep.equal([['active', REFRESH_S, 0]]);
    clock.advance(IDLE_S * 1000 - 1);
    expect(sent).to.have.length(1);
    clock.advance(1);
    expect(sent).to.deep.equal([
      ['active', REFRESH_S, 0],
      ['idle', undefined, 10 + IDLE_S],
    ]);
    expect(s.active).to.equal(false);
    expect(clock.pending).to.equal(0);
  });

  it('refreshes active every 90 s while the user keeps typing', () => {
    const { clock, sent, s } = sender();
    s.keystroke();
    for (let t = 0; t < 200; t += 10) {
      clock.advance(10_000);
      s.keystroke();
    }
    expect(sent.map(([state, , at]) => `${state}@${at}`)).to.deep.equal(['active@0', 'active@90', 'active@180']);
  });

  it('goes idle silently when the message is sent, and says idle when the text is cleared', () => {
    const { clock, sent, s } = sender();
    s.keystroke();
    s.sent();
    clock.advance(200_000);
    expect(sent.map(([state]) => state)).to.deep.equal(['active']);
    s.keystroke();
    s.cleared();
    s.cleared();
    expect(sent.map(([state]) => state)).to.deep.equal(['active', 'active', 'idle']);
    expect(clock.pending).to.equal(0);
  });
});

describe('ComposingReceiver', () => {
  function receiver() {
    const clock = new FakeClock();
    let changes = 0;
    const r = new ComposingReceiver(() => changes++, clock);
    return { clock, r, changes: () => changes };
  }

  it('shows a sender until idle', () => {
    const { r, changes } = receiver();
    r.indication('d:1002', '1002', { state: 'active', refresh: 90 });
    expect(r.snapshot()).to.deep.equal({ 'd:1002': ['1002'] });
    r.indication('d:1002', '1002', { state: 'idle' });
    expect(r.snapshot()).to.deep.equal({});
    expect(changes()).to.equal(2);
  });

  it('drops a sender whose refresh never came (their refresh, else 120 s)', () => {
    const { clock, r } = receiver();
    r.indication('g:x', '1002', { state: 'active', refresh: 60 });
    r.indication('g:x', '1003', { state: 'active' });
    clock.advance(59_000);
    expect(r.snapshot()).to.deep.equal({ 'g:x': ['1002', '1003'] });
    r.indication('g:x', '1002', { state: 'active', refresh: 60 });
    clock.advance(59_000);
    expect(r.snapshot()).to.deep.equal({ 'g:x': ['1002', '1003'] });
    r.indication('g:x', '1002', { state: 'active', refresh: 60 });
    clock.advance((RECEIVER_DEFAULT_S - 118) * 1000);
    expect(r.snapshot()).to.deep.equal({ 'g:x': ['1002'] });
    clock.advance(60_000);
    expect(r.snapshot()).to.deep.equal({});
  });

  it('drops a sender as soon as their message arrives, and everyone on clear', () => {
    const { clock, r } = receiver();
    r.indication('d:1002', '1002', { state: 'active' });
    r.indication('d:1003', '1003', { state: 'active' });
    r.messageArrived('d:1002', '1002');
    expect(r.snapshot()).to.deep.equal({ 'd:1003': ['1003'] });
    r.clear();
    expect(r.snapshot()).to.deep.equal({});
    expect(clock.pending).to.equal(0);
  });
});
