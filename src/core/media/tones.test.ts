import { sendKeys, sendMouse } from '@web/test-runner-commands';
describe('probe', () => {
  it('probes', async () => {
    const out: Record<string, unknown> = {};
    const ctx = new AudioContext();
    let seen = '';
    addEventListener('keydown', (e) => { seen = e.key + e.isTrusted; void ctx.resume(); }, { capture: true, once: true });
    await sendKeys({ press: 'Enter' });
    out.seen = seen;
    await new Promise((r) => setTimeout(r, 300));
    out.after = ctx.state;
    out.ua = navigator.userActivation.hasBeenActive;
    const c3 = new AudioContext();
    await new Promise((r) => setTimeout(r, 100));
    out.c3 = c3.state;
    console.log(JSON.stringify(out));
  });
});
