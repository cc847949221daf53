// An independent SIP peer for the end-to-end tests: a bare JsSIP UA in a page
// (no widget code), scripted by the tests through window.peer. It records what
// it receives (calls, DTMF, holds, REFERs) so tests can assert what a far end
// sees. JsSIP comes from /dist/test-jssip.js (built by test/e2e/bed.mjs).
/* global JsSIP */
const MEDIA = { audio: true, video: false };
const PC = { iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' };

window.peer = {
  ua: null,
  sessions: [],
  events: [],
  options: { autoAnswer: false, rejectCode: 0, reinviteReplies: [], acceptRefer: true },
  start({ user, password, server = 'ws://127.0.0.1:8080', display }) {
    return new Promise((resolve, reject) => {
      const ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(server)],
        uri: `sip:${user}@phone.test`,
        password,
        display_name: display,
        session_timers: false,
        register: true,
      });
      this.ua = ua;
      ua.on('registered', () => resolve());
      ua.on('registrationFailed', (e) => reject(new Error(e.cause)));
      ua.on('newRTCSession', ({ session, originator, request }) => {
        if (originator !== 'remote') return;
        const replaces = request.hasHeader('replaces');
        this.track(session, 'inbound');
        this.events.push({ type: 'incoming', from: session.remote_identity.uri.user, display: session.remote_identity.display_name || '', replaces });
        if (this.options.rejectCode) session.terminate({ status_code: this.options.rejectCode });
        else if (this.options.autoAnswer || replaces) this.answer(session);
      });
      ua.start();
    });
  },
  track(session, direction) {
    this.sessions.push(session);
    const log = (type, extra = {}) => this.events.push({ type, id: session.id, direction, ...extra });
    const watch = (pc) => {
      if (!pc || pc._peerWatched) return;
      pc._peerWatched = true;
      pc.addEventListener('track', (e) => {
        const audio = new Audio();
        audio.srcObject = e.streams[0];
        audio.play().catch(() => undefined);
      });
    };
    if (session.connection) watch(session.connection);
    session.on('peerconnection', ({ peerconnection }) => watch(peerconnection));
    session.on('accepted', () => log('accepted'));
    session.on('confirmed', () => log('confirmed'));
    session.on('ended', (e) => log('ended', { cause: e.cause, originator: e.originator }));
    session.on('failed', (e) => log('failed', { cause: e.cause, code: e.message?.status_code, originator: e.originator }));
    session.on('hold', (e) => log('hold', { originator: e.originator }));
    session.on('unhold', (e) => log('unhold', { originator: e.originator }));
    session.on('newDTMF', (e) => log('dtmf', { originator: e.originator, tone: e.dtmf.tone }));
    session.on('reinvite', (e) => {
      const reply = this.options.reinviteReplies.shift();
      log('reinvite', { replied: reply ?? 200 });
      if (reply) e.reject({ status_code: reply });
    });
    session.on('refer', (e) => {
      const target = e.request.refer_to.uri.toString();
      log('refer', { target, replaces: e.request.refer_to.uri.hasHeader('replaces') });
      if (!this.options.acceptRefer) return e.reject();
      e.accept((newSession) => {
        this.track(newSession, 'outbound');
        // The transfer went through: leave the transferor.
        newSession.on('accepted', () => session.terminate());
      }, { mediaConstraints: MEDIA, pcConfig: PC });
    });
  },
  answer(session = this.sessions.find((s) => s.isInProgress() && s.direction === 'incoming')) {
    session.answer({ ...this.media(), pcConfig: PC });
  },
  /** The microphone: the fake device, or with `options.tone` a steady sine at that many Hz (tells this peer's voice apart). */
  media() {
    if (!this.options.tone) return { mediaConstraints: MEDIA };
    this.audioContext ??= new AudioContext();
    const osc = this.audioContext.createOscillator();
    osc.frequency.value = this.options.tone;
    const gain = this.audioContext.createGain();
    gain.gain.value = 0.3;
    const out = this.audioContext.createMediaStreamDestination();
    osc.connect(gain).connect(out);
    osc.start();
    return { mediaStream: out.stream };
  },
  /** How loud (dB) each frequency of `freqs` is in what the live call receives: a clear tone is near -25, silence below -80. */
  async levels(freqs) {
    const track = this.live()?.connection?.getReceivers().find((r) => r.track?.kind === 'audio')?.track;
    if (!track) return null;
    this.audioContext ??= new AudioContext();
    const ctx = this.audioContext;
    if (this.analysed?.track !== track) {
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
      this.analysed = { track, analyser };
      await new Promise((r) => setTimeout(r, 500));
    }
    const { analyser } = this.analysed;
    const data = new Float32Array(analyser.frequencyBinCount);
    analyser.getFloatFrequencyData(data);
    const bin = (hz) => Math.round((hz / ctx.sampleRate) * analyser.fftSize);
    return freqs.map((hz) => Math.max(data[bin(hz) - 1], data[bin(hz)], data[bin(hz) + 1]));
  },
  call(target, extraHeaders = []) {
    const session = this.ua.call(`sip:${target}@phone.test`, { ...this.media(), pcConfig: PC, extraHeaders });
    this.track(session, 'outbound');
    return session.id;
  },
  /** The peer's newest live call. */
  live() {
    return [...this.sessions].reverse().find((s) => !s.isEnded());
  },
  hangup() {
    this.live()?.terminate();
  },
  refer(target) {
    this.live().refer(`sip:${target}@phone.test`);
  },
  async stats() {
    const s = this.live();
    if (!s?.connection) return null;
    const report = await s.connection.getStats();
    let bytesReceived = 0;
    let audioEnergy = 0;
    report.forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        bytesReceived += r.bytesReceived ?? 0;
        audioEnergy += r.totalAudioEnergy ?? 0;
      }
    });
    return { bytesReceived, audioEnergy };
  },
};
