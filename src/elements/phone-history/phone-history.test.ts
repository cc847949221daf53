import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../test/fakes/test-widget.js';
import '../../index.js';
import type { TestPhoneWidget } from '../../../test/fakes/test-widget.js';
import { CallHistoryStore } from '../../storage/call-history-store.js';
import type { CallHistoryRecord } from '../../core/types.js';
import type { PhoneHistory } from './phone-history.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  for (const end = performance.now() + ms; !check(); await sleep(10)) if (performance.now() > end) throw new Error(`timed out: ${what}`);
}

let n = 0;
/** A fresh account per test, so that stored calls never leak between tests. */
const account = () => `sip:h${Date.now().toString(36)}${n++}@phone.test`;

const HOUR = 3600_000;
function record(i: number, patch: Partial<CallHistoryRecord> = {}): CallHistoryRecord {
  const startedAt = Date.now() - (i + 1) * HOUR;
  return {
    id: `c${i}`,
    direction: i % 2 ? 'outbound' : 'inbound',
    number: String(2000 + (i % 7)),
    startedAt,
    answeredAt: startedAt + 5000,
    endedAt: startedAt + 65000,
    duration: 60,
    open: false,
    outcome: 'answered',
    cause: { code: 'hangup', text: 'Call ended', by: 'remote' },
    ...patch,
  };
}

async function seed(identity: string, records: CallHistoryRecord[]): Promise<void> {
  const store = new CallHistoryStore(identity);
  for (const r of records) await store.put(r);
}

async function openHistory(identity: string, theme?: 'dark') {
  const el = (await fixture(
    html`<test-phone-widget server="ws://127.0.0.1:8080" identity=${identity} password="pw" no-url-activation theme=${theme ?? 'light'}></test-phone-widget>`,
  )) as TestPhoneWidget;
  el.agent.register();
  await el.updateComplete;
  (el.shadowRoot!.querySelector('#tab-history') as HTMLElement).click();
  await el.updateComplete;
  const history = el.shadowRoot!.querySelector('phone-history') as PhoneHistory;
  await history.updateComplete;
  return { el, history, root: history.shadowRoot! };
}

const rows = (root: ShadowRoot) => [...root.querySelectorAll('li')];
const button = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name) as HTMLButtonElement;

describe('<phone-history>', () => {
  it('lists the calls newest first, with direction and outcome in words, and is accessible in light and dark', async () => {
    const id = account();
    await seed(id, [
      record(0, { name: 'Bob', number: '1002' }),
      record(1, { outcome: 'failed', answeredAt: undefined, duration: 0, cause: { code: 'busy', text: 'Busy (486)', by: 'remote', sipCode: 486 } }),
      record(2, { outcome: 'missed', answeredAt: undefined, duration: 0, name: 'Carol', number: '1003' }),
    ]);
    const { history, root } = await openHistory(id);
    await until(() => rows(root).length === 3, 'three rows');
    const texts = rows(root).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(texts[0]).to.match(/^↙ Bob 1002 Incoming · .* · 1:00$/);
    expect(texts[1]).to.match(/Not answered/);
    expect(texts[2]).to.match(/Carol 1003 Missed/);
    expect(rows(root)[2]!.dataset.outcome).to.equal('missed');
    await expect(history).to.be.accessible();
    const dark = await openHistory(id, 'dark');
    await until(() => rows(dark.root).length === 3, 'three rows in dark');
    await expect(dark.history).to.be.accessible();
  });

  it('filters: incoming, outgoing, missed, and recent (one per number)', async () => {
    const id = account();
    await seed(id, [
      record(0, { number: '1002' }),
      record(1, { number: '1002' }),
      record(2, { number: '1003', outcome: 'missed', answeredAt: undefined, duration: 0 }),
      record(3, { number: '1004' }),
    ]);
    const { history, root } = await openHistory(id);
    await until(() => rows(root).length === 4, 'all rows');
    const show = async (name: string, count: number) => {
      button(root, name).click();
      await until(() => rows(root).length === count && !root.querySelector('[aria-busy="true"]'), `${name}: ${count} rows`);
      expect(button(root, name).getAttribute('aria-pressed')).to.equal('true');
    };
    await show('Incoming', 2);
    expect(rows(root).every((li) => li.dataset.direction === 'inbound')).to.equal(true);
    await show('Outgoing', 2);
    await show('Missed', 1);
    expect(rows(root)[0]!.textContent).to.contain('1003');
    await show('Recent', 3);
    expect(rows(root).map((li) => li.querySelector('.who')!.textContent)).to.deep.equal(['1002', '1003', '1004']);
    await show('All', 4);
    expect(history.filter).to.equal('all');
  });

  it('calls back from a row, and offers add to contacts, message and delete for the selected call', async () => {
    const id = account();
    await seed(id, [record(0, { name: 'Bob', number: '1002' }), record(1, { number: '1005' })]);
    const { el, root } = await openHistory(id);
    await until(() => rows(root).length === 2, 'rows');
    button(root, 'Call back Bob').click();
    await until(() => el.agent.calls.length === 1, 'a call goes out');
    expect(el.agent.calls[0]!.remote.uri).to.contain('1002');
    el.agent.calls[0]!.remoteEnds();
    await el.updateComplete;

    // Selecting the second call shows its actions; Delete removes it for good.
    await until(() => !!el.shadowRoot!.querySelector('phone-history'), 'history tab back');
    const again = el.shadowRoot!.querySelector('phone-history')!.shadowRoot!;
    await until(() => rows(again).some((li) => li.textContent!.includes('1005')), 'row 1005');
    (rows(again).find((li) => li.textContent!.includes('1005'))!.querySelector('.row') as HTMLElement).click();
    await until(() => !!again.querySelector('.actions'), 'actions');
    expect(again.querySelector('.actions')!.getAttribute('aria-label')).to.equal('Call with 1005');
    button(again, 'Delete').click();
    await until(() => !rows(again).some((li) => li.textContent!.includes('1005')), 'deleted');
    expect(again.querySelector('[role="status"]')!.textContent).to.contain('Deleted the call with 1005');
    const stored = await new CallHistoryStore(id).latest(10);
    expect(stored.map((r) => r.number)).not.to.include('1005');
  });

  it('shows the selected call’s recordings, plays and downloads a part, and deletes them with the call', async () => {
    const id = account();
    await seed(id, [record(0, { id: 'rec-call', name: 'Bob', number: '1002' })]);
    const { el, root } = await openHistory(id);
    await until(() => rows(root).length === 1, 'row');
    const store = el.session.recordings!;
    const part = (n: number) => ({ historyId: 'rec-call', segment: n, startedAt: Date.now(), duration: 3 * n, mimeType: 'audio/webm;codecs=opus', size: 0 });
    await store.saveSegment(part(1), new Blob(['one'], { type: 'audio/webm' }));
    (rows(root)[0]!.querySelector('.row') as HTMLElement).click();
    await until(() => !!root.querySelector('.recordings'), 'recordings listed');
    expect(root.querySelector('.recordings')!.textContent).to.match(/Recording 1 · 0:03/);
    // A part saved while the call is shown appears by itself.
    await store.saveSegment(part(2), new Blob(['two'], { type: 'audio/webm' }));
    // What the session's recorder announces after storing a part (its own tests cover that it does).
    (el.session as unknown as { emit(type: 'recording-saved', segment: ReturnType<typeof part>): void }).emit('recording-saved', part(2));
    await until(() => root.querySelectorAll('.recordings li').length === 2, 'second part');
    button(root, 'Play Recording 2').click();
    await until(() => !!root.querySelector('.recordings audio'), 'a player');
    const player = root.querySelector('.recordings audio') as HTMLAudioElement;
    expect(player.src).to.match(/^blob:/);
    expect(await (await fetch(player.src)).text()).to.equal('two');
    const link = root.querySelector('.recordings a[download]') as HTMLAnchorElement;
    expect(link.download).to.equal('call-rec-call-part-2.webm');
    await expect(el).to.be.accessible();
    button(root, 'Delete').click();
    await until(() => rows(root).length === 0, 'deleted');
    expect(await store.listSegments('rec-call')).to.deep.equal([]);
  });

  it('"Add to contacts" opens the contact form with the number and name filled in', async () => {
    const id = account();
    await seed(id, [record(0, { name: 'Dana Scully', number: '1009' })]);
    const { el, root } = await openHistory(id);
    await until(() => rows(root).length === 1, 'row');
    (rows(root)[0]!.querySelector('.row') as HTMLElement).click();
    await until(() => !!root.querySelector('.actions'), 'actions');
    button(root, 'Add to contacts').click();
    await until(() => !!el.shadowRoot!.querySelector('phone-blf-panel'), 'contacts tab');
    const panel = el.shadowRoot!.querySelector('phone-blf-panel')!;
    await until(() => !!panel.shadowRoot!.querySelector('form'), 'contact form');
    const values = [...panel.shadowRoot!.querySelectorAll('form input')].map((i) => (i as HTMLInputElement).value);
    expect(values).to.include.members(['Dana', 'Scully', '1009']);
  });

  it('exports CSV with every call, neutralising formulas in names', async () => {
    const id = account();
    await seed(id, [record(0, { name: '=HYPERLINK("x")', number: '1002' }), record(1, { number: '1003' })]);
    const { root } = await openHistory(id);
    await until(() => rows(root).length === 2, 'rows');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), create.call(URL, b));
    try {
      button(root, 'Export CSV').click();
      await until(() => blobs.length === 1, 'a CSV file');
    } finally {
      URL.createObjectURL = create;
    }
    const lines = (await blobs[0]!.text()).trim().split('\r\n');
    expect(lines[0]).to.equal('Start,Direction,Outcome,Name,Number,Duration (s),Cause,SIP code');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.contain(`"'=HYPERLINK(""x"")",1002`);
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('exported');
  });

  it('clears the whole history only after a confirmation', async () => {
    const id = account();
    await seed(id, [record(0), record(1)]);
    const { root } = await openHistory(id);
    await until(() => rows(root).length === 2, 'rows');
    button(root, 'Clear history').click();
    await until(() => !!button(root, 'Keep'), 'confirmation');
    button(root, 'Keep').click();
    await until(() => !!button(root, 'Clear history'), 'kept');
    expect(rows(root)).to.have.length(2);
    button(root, 'Clear history').click();
    await until(() => !!button(root, 'Delete all'), 'confirmation again');
    button(root, 'Delete all').click();
    await until(() => root.textContent!.includes('No calls yet'), 'empty');
    expect(await new CallHistoryStore(id).count()).to.equal(0);
  });

  it('renders only the rows in view of 3000 calls, reads more as it scrolls, and moves by arrow keys', async () => {
    const id = account();
    const store = new CallHistoryStore(id);
    for (let i = 0; i < 3000; i += 500) await Promise.all(Array.from({ length: 500 }, (_, k) => store.put(record(i + k, { id: `r${i + k}` }))));
    const { history, root } = await openHistory(id);
    await until(() => rows(root).length > 0, 'first rows');
    expect(rows(root).length, 'a window of rows, not all of them').to.be.below(40);
    const list = root.querySelector('.list') as HTMLElement;
    for (let k = 0; k < 6; k++) {
      list.scrollTop = list.scrollHeight;
      await sleep(60);
    }
    await history.updateComplete;
    const last = rows(root).at(-1)!;
    expect(Number(last.dataset.index), 'later pages were read').to.be.above(200);
    expect(rows(root).length).to.be.below(40);

    list.scrollTop = 0;
    await sleep(50);
    (rows(root)[0]!.querySelector('.row') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await history.updateComplete;
    const focused = history.shadowRoot!.activeElement as HTMLElement;
    expect(focused.closest('li')!.dataset.index).to.equal('2');
    expect(focused.getAttribute('tabindex')).to.equal('0');
  });
});
