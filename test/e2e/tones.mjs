// Distinguishable voices for the end-to-end tests: a party that speaks a
// steady sine of its own frequency can be told apart in what another receives
// or records. Peers take `{ tone: hz }` (test/e2e/pages/peer.js); a widget's
// page gets its microphone replaced here.

/** Makes the widget page's microphone a steady sine at `hz` (its calls open it from now on). */
export function toneMicrophone(phone, hz) {
  return phone.page.evaluate((freq) => {
    const ctx = new AudioContext();
    navigator.mediaDevices.getUserMedia = async () => {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      const gain = ctx.createGain();
      gain.gain.value = 0.3;
      const out = ctx.createMediaStreamDestination();
      osc.connect(gain).connect(out);
      osc.start();
      return out.stream;
    };
  }, hz);
}

/** Runs `fn(session, arg)` in the widget's page, with its PhoneSession. */
export const inSession = (phone, fn, arg) =>
  phone.page.evaluate(([source, a]) => new Function('s', 'a', `return (${source})(s, a)`)(document.querySelector('phone-widget').session, a), [fn.toString(), arg]);
