// Minimal SIP-over-WebSocket (RFC 7118) user agent for smoke tests in Node 20
// without dependencies. It behaves like JsSIP on the wire: Via host and
// Contact host are random "*.invalid", transport ws/wss, digest auth.
// Not a full UA: one message per frame, no forking, UAS side only answers.

import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

const md5 = (s) => createHash('md5').update(s).digest('hex');
const rnd = (n = 8) => randomBytes(n).toString('hex');

export function parseSip(text) {
  const sep = text.indexOf('\r\n\r\n');
  const head = sep >= 0 ? text.slice(0, sep) : text;
  const body = sep >= 0 ? text.slice(sep + 4) : '';
  const lines = head.split('\r\n');
  const start = lines.shift();
  const msg = { raw: text, start, headers: [], body };
  let m;
  if ((m = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(start))) {
    msg.status = Number(m[1]);
    msg.reason = m[2];
  } else if ((m = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(start))) {
    msg.method = m[1];
    msg.uri = m[2];
  }
  for (const l of lines) {
    if (/^[ \t]/.test(l) && msg.headers.length) {
      msg.headers[msg.headers.length - 1][1] += ' ' + l.trim();
      continue;
    }
    const i = l.indexOf(':');
    if (i > 0) msg.headers.push([l.slice(0, i).trim(), l.slice(i + 1).trim()]);
  }
  const compact = { v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type', o: 'event' };
  const norm = (n) => compact[n.toLowerCase()] || n.toLowerCase();
  msg.all = (name) => msg.headers.filter(([n]) => norm(n) === name.toLowerCase()).map(([, v]) => v);
  msg.get = (name) => msg.all(name)[0];
  return msg;
}

function tagOf(h) {
  const m = /;\s*tag=([^;>\s]+)/i.exec(h || '');
  return m ? m[1] : null;
}

export class WsSipClient extends EventEmitter {
  /**
   * @param {object} o
   * @param {string} o.url ws://127.0.0.1:8080 or wss://127.0.0.1:8443
   * @param {string} o.user
   * @param {string} o.password
   * @param {string} [o.domain='phone.test']
   * @param {string} [o.displayName]
   */
  constructor({ url, user, password, domain = 'phone.test', displayName }) {
    super();
    this.url = new URL(url);
    this.secure = this.url.protocol === 'wss:';
    this.user = user;
    this.password = password;
    this.domain = domain;
    this.displayName = displayName;
    this.viaHost = `${rnd(4)}.invalid`;
    this.contactUser = rnd(4);
    this.contact = `<sip:${this.contactUser}@${this.viaHost};transport=ws>`;
    this.aor = `sip:${user}@${domain}`;
    this.fromTag = rnd(5);
    this.cseq = Math.floor(Math.random() * 1000) + 1;
    this.pending = new Map(); // 'branch METHOD' -> { resolve, provisional }
    this.received = []; // incoming requests
    this.waiters = [];
    this.autoAnswer = null; // { sdp } -> answer INVITEs with 200; { ringOnly: true } -> 180 only
    this.ringing = new Map(); // call-id -> INVITE (ringOnly)
    this.buf = Buffer.alloc(0);
    this.fragments = [];
    this.closed = false;
  }

  connect(timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
      const port = Number(this.url.port || (this.secure ? 443 : 80));
      const host = this.url.hostname;
      const sock = this.secure
        ? tlsConnect({ host, port, rejectUnauthorized: false, servername: undefined })
        : netConnect({ host, port });
      this.sock = sock;
      const key = randomBytes(16).toString('base64');
      const expectAccept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error(`WebSocket handshake timeout (${this.url.href})`));
      }, timeoutMs);
      let handshakeDone = false;
      let hbuf = Buffer.alloc(0);
      sock.once(this.secure ? 'secureConnect' : 'connect', () => {
        sock.write(
          `GET ${this.url.pathname || '/'} HTTP/1.1\r\n` +
            `Host: ${host}:${port}\r\n` +
            'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
            `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
            'Sec-WebSocket-Protocol: sip\r\n' +
            'Origin: http://localhost\r\n\r\n',
        );
      });
      sock.on('data', (d) => {
        if (!handshakeDone) {
          hbuf = Buffer.concat([hbuf, d]);
          const end = hbuf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = hbuf.slice(0, end).toString('latin1');
          clearTimeout(timer);
          if (!/^HTTP\/1\.1 101/.test(head) || !head.includes(expectAccept)) {
            sock.destroy();
            reject(new Error(`WebSocket handshake failed: ${head.split('\r\n')[0]}`));
            return;
          }
          this.handshake = head;
          handshakeDone = true;
          const rest = hbuf.slice(end + 4);
          resolve(this);
          if (rest.length) this._onData(rest);
          return;
        }
        this._onData(d);
      });
      sock.on('error', (e) => {
        clearTimeout(timer);
        if (!handshakeDone) reject(e);
        else if (this.listenerCount('error')) this.emit('error', e);
      });
      sock.on('close', () => {
        this.closed = true;
        this.emit('close');
      });
    });
  }

  _frame(opcode, payload) {
    const len = payload.length;
    let header;
    if (len < 126) {
      header = Buffer.from([0x80 | opcode, 0x80 | len]);
    } else if (len < 65536) {
      header = Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 255]);
    } else {
      header = Buffer.alloc(10);
      header[0] = 0x80 | opcode;
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(len), 2);
    }
    const mask = randomBytes(4);
    const masked = Buffer.alloc(len);
    for (let i = 0; i < len; i++) masked[i] = payload[i] ^ mask[i & 3];
    return Buffer.concat([header, mask, masked]);
  }

  _onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      if (this.buf.length < 2) return;
      const b0 = this.buf[0];
      const b1 = this.buf[1];
      let len = b1 & 0x7f;
      let off = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        off = 10;
      }
      const masked = (b1 & 0x80) !== 0;
      const maskOff = off;
      if (masked) off += 4;
      if (this.buf.length < off + len) return;
      let payload = this.buf.slice(off, off + len);
      if (masked) {
        const mask = this.buf.slice(maskOff, maskOff + 4);
        payload = Buffer.from(payload.map((x, i) => x ^ mask[i & 3]));
      }
      this.buf = this.buf.slice(off + len);
      const opcode = b0 & 0x0f;
      const fin = (b0 & 0x80) !== 0;
      if (opcode === 0x9) {
        this.sock.write(this._frame(0xa, payload)); // pong
      } else if (opcode === 0x8) {
        if (!this.closing && !this.closed) {
          this.closing = true;
          this.sock.end(this._frame(0x8, payload.slice(0, 2)));
        }
      } else if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) {
        this.fragments.push(payload);
        if (fin) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          this._onSip(text);
        }
      }
    }
  }

  sendRaw(text) {
    if (this.closing || this.closed) throw new Error(`${this.user}: WebSocket closed`);
    this.emit('sent', text);
    this.sock.write(this._frame(0x1, Buffer.from(text, 'utf8')));
  }

  _onSip(text) {
    const msg = parseSip(text);
    this.emit('message', msg);
    if (msg.status) {
      const via = msg.get('via') || '';
      const m = /branch=([^;\s,]+)/i.exec(via);
      const key = m && `${m[1]} ${(msg.get('cseq') || '').split(/\s+/)[1]}`;
      const p = key && this.pending.get(key);
      if (!p) return;
      if (msg.status < 200) {
        p.provisional.push(msg);
        if (p.onProvisional) p.onProvisional(msg);
        return;
      }
      this.pending.delete(key);
      p.resolve(msg);
      return;
    }
    this.received.push(msg);
    this._autoRespond(msg);
    for (const w of [...this.waiters]) {
      if (w.pred(msg)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(msg);
      }
    }
    this.emit('request', msg);
  }

  /** Resolve with the first incoming request (already received or future) matching pred. */
  waitForRequest(pred, timeoutMs = 5000, { includePast = true } = {}) {
    if (includePast) {
      const found = this.received.find((m) => !m._consumed && pred(m));
      if (found) {
        found._consumed = true;
        return Promise.resolve(found);
      }
    }
    return new Promise((resolve, reject) => {
      const w = {
        pred,
        resolve: (m) => {
          m._consumed = true;
          resolve(m);
        },
      };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`${this.user}: timeout waiting for request`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  buildResponse(req, status, reason, { headers = [], body = '', toTag } = {}) {
    let to = req.get('to');
    if (!tagOf(to) && status > 100) to += `;tag=${toTag || (req._toTag ||= rnd(5))}`;
    const lines = [`SIP/2.0 ${status} ${reason}`];
    for (const v of req.all('via')) lines.push(`Via: ${v}`);
    if (status > 100 && status < 300) for (const rr of req.all('record-route')) lines.push(`Record-Route: ${rr}`);
    lines.push(`From: ${req.get('from')}`, `To: ${to}`, `Call-ID: ${req.get('call-id')}`, `CSeq: ${req.get('cseq')}`);
    for (const h of headers) lines.push(h);
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`, '', body);
    return lines.join('\r\n');
  }

  reply(req, status, reason, opts) {
    this.sendRaw(this.buildResponse(req, status, reason, opts));
  }

  _autoRespond(req) {
    switch (req.method) {
      case 'NOTIFY':
      case 'MESSAGE':
      case 'OPTIONS':
      case 'INFO':
      case 'BYE':
        this.reply(req, 200, 'OK');
        break;
      case 'INVITE':
        if (this.autoAnswer && this.autoAnswer.ringOnly) {
          this.reply(req, 180, 'Ringing', { headers: [`Contact: ${this.contact}`] });
          this.ringing.set(req.get('call-id'), req);
        } else if (this.autoAnswer) {
          this.reply(req, 180, 'Ringing', { headers: [`Contact: ${this.contact}`] });
          const sdp = this.autoAnswer.sdp || dummySdp();
          this.reply(req, 200, 'OK', {
            headers: [`Contact: ${this.contact}`, 'Content-Type: application/sdp'],
            body: sdp,
          });
        } else {
          this.reply(req, 486, 'Busy Here');
        }
        break;
      case 'ACK':
        break;
      case 'CANCEL': {
        this.reply(req, 200, 'OK');
        const inv = this.ringing.get(req.get('call-id'));
        if (inv) {
          this.ringing.delete(req.get('call-id'));
          this.reply(inv, 487, 'Request Terminated');
        }
        break;
      }
      default:
        this.reply(req, 501, 'Not Implemented');
    }
  }

  _digest(challenge, method, uri) {
    const p = {};
    challenge.replace(/(\w+)=("([^"]*)"|[^,\s]+)/g, (_, k, v, q) => {
      p[k.toLowerCase()] = q !== undefined ? q : v;
    });
    const ha1 = md5(`${this.user}:${p.realm}:${this.password}`);
    const ha2 = md5(`${method}:${uri}`);
    let response;
    let extra = '';
    if (p.qop && /\bauth\b/.test(p.qop)) {
      const cnonce = rnd(6);
      const nc = '00000001';
      response = md5(`${ha1}:${p.nonce}:${nc}:${cnonce}:auth:${ha2}`);
      extra = `, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
    } else {
      response = md5(`${ha1}:${p.nonce}:${ha2}`);
    }
    return (
      `Digest username="${this.user}", realm="${p.realm}", nonce="${p.nonce}", uri="${uri}", ` +
      `response="${response}", algorithm=MD5${p.opaque ? `, opaque="${p.opaque}"` : ''}${extra}`
    );
  }

  /**
   * Send a request and resolve with its final response (digest auth handled once).
   * opts: { to, callId, fromTag, toTag, headers: [], body, contentType, routes: [] , timeoutMs }
   */
  async request(method, ruri, opts = {}) {
    const callId = opts.callId || rnd(8);
    const fromTag = opts.fromTag || rnd(5);
    let auth = null;
    let firstStatus;
    for (let attempt = 0; ; attempt++) {
      const cseq = opts.cseq ?? ++this.cseq;
      const branch = `z9hG4bK${rnd(6)}`;
      const body = opts.body || '';
      const from = `${this.displayName ? `"${this.displayName}" ` : ''}<${this.aor}>;tag=${fromTag}`;
      const to = `<${opts.to || ruri}>${opts.toTag ? `;tag=${opts.toTag}` : ''}`;
      const lines = [
        `${method} ${ruri} SIP/2.0`,
        `Via: SIP/2.0/${this.secure ? 'WSS' : 'WS'} ${this.viaHost};branch=${branch}`,
        'Max-Forwards: 69',
        ...(opts.routes || []).map((r) => `Route: ${r}`),
        `To: ${to}`,
        `From: ${from}`,
        `Call-ID: ${callId}`,
        `CSeq: ${cseq} ${method}`,
        `Contact: ${opts.contact || this.contact}`,
        ...(auth ? [auth] : []),
        ...(opts.headers || []),
        'User-Agent: ws-sip-client (smoke)',
        ...(body ? [`Content-Type: ${opts.contentType || 'text/plain'}`] : []),
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body,
      ];
      const provisional = [];
      const p = new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(`${branch} ${method}`);
          reject(new Error(`${this.user}: ${method} ${ruri}: no final response`));
        }, opts.timeoutMs || 8000);
        this.pending.set(`${branch} ${method}`, {
          provisional,
          onProvisional: opts.onProvisional,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
      this.sendRaw(lines.join('\r\n'));
      if (opts.onSent) opts.onSent({ branch, callId, fromTag, cseq, ruri, to, from, routes: opts.routes || [] });
      const res = await p;
      res.provisional = provisional;
      res.callId = callId;
      res.fromTag = fromTag;
      if (firstStatus === undefined) firstStatus = res.status;
      res.firstStatus = firstStatus;
      if ((res.status === 401 || res.status === 407) && attempt === 0 && !opts.noAuth) {
        if (opts.onChallenge) opts.onChallenge(res);
        const ch = res.get(res.status === 401 ? 'www-authenticate' : 'proxy-authenticate');
        auth = `${res.status === 401 ? 'Authorization' : 'Proxy-Authorization'}: ${this._digest(ch, method, ruri)}`;
        continue;
      }
      return res;
    }
  }

  /** REGISTER like JsSIP 3.13 (+sip.ice, reg-id, +sip.instance, Supported: path, gruu, outbound). */
  register(expires = 600) {
    this.instance ||= `<urn:uuid:${[8, 4, 4, 4, 12].map((n) => rnd(n / 2)).join('-')}>`;
    return this.request('REGISTER', `sip:${this.domain}`, {
      to: this.aor,
      contact: `${this.contact};+sip.ice;reg-id=1;+sip.instance="${this.instance}";expires=${expires}`,
      headers: [`Expires: ${expires}`, 'Supported: path, gruu, outbound'],
    });
  }

  /**
   * Place a call (WS side as caller). Resolves with
   * { response, ack(), bye() } once a final response arrived; 2xx is ACKed
   * by ack() (call it), non-2xx needs no ACK here (the proxy answers statelessly
   * or its transaction absorbs it).
   */
  async invite(target, { sdp = dummySdp(), timeoutMs = 10000, onProvisional } = {}) {
    return this.startInvite(target, { sdp, timeoutMs, onProvisional }).final;
  }

  /**
   * Start an INVITE without waiting: { final: Promise<call>, cancel() }.
   * cancel() sends CANCEL for the current (authenticated) INVITE transaction.
   */
  startInvite(target, { sdp = dummySdp(), timeoutMs = 15000, onProvisional } = {}) {
    let sent = null;
    const final = this.request('INVITE', target, {
      body: sdp,
      contentType: 'application/sdp',
      timeoutMs,
      onChallenge: (ch) => this._ackNon2xx(ch, target),
      onSent: (info) => (sent = info),
      onProvisional,
    });
    const cancel = () => {
      if (!sent) throw new Error('INVITE not sent yet');
      const lines = [
        `CANCEL ${sent.ruri} SIP/2.0`,
        `Via: SIP/2.0/${this.secure ? 'WSS' : 'WS'} ${this.viaHost};branch=${sent.branch}`,
        'Max-Forwards: 69',
        ...sent.routes.map((r) => `Route: ${r}`),
        `To: ${sent.to}`,
        `From: ${sent.from}`,
        `Call-ID: ${sent.callId}`,
        `CSeq: ${sent.cseq} CANCEL`,
        'Content-Length: 0',
        '',
        '',
      ];
      this.sendRaw(lines.join('\r\n'));
    };
    return { final: final.then((res) => this._inviteResult(res, target)), cancel };
  }

  _inviteResult(res, target) {
    if (res.status >= 300) {
      this._ackNon2xx(res, target);
      return { response: res };
    }
    const routes = res.all('record-route').flatMap((h) => h.split(/,(?=\s*<)/)).map((x) => x.trim()).reverse();
    const m = /<([^>]+)>/.exec(res.get('contact') || '');
    const remoteTarget = m ? m[1] : target;
    const toTag = tagOf(res.get('to'));
    const cseq = Number((res.get('cseq') || '0').split(' ')[0]);
    const dlg = { callId: res.callId, fromTag: res.fromTag, toTag, to: target, routes };
    const raw = (method, n) => {
      const lines = [
        `${method} ${remoteTarget} SIP/2.0`,
        `Via: SIP/2.0/${this.secure ? 'WSS' : 'WS'} ${this.viaHost};branch=z9hG4bK${rnd(6)}`,
        'Max-Forwards: 69',
        ...routes.map((r) => `Route: ${r}`),
        `To: <${target}>;tag=${toTag}`,
        `From: <${this.aor}>;tag=${res.fromTag}`,
        `Call-ID: ${res.callId}`,
        `CSeq: ${n} ${method}`,
        'Content-Length: 0',
        '',
        '',
      ];
      return lines.join('\r\n');
    };
    return {
      response: res,
      dialog: dlg,
      ack: () => this.sendRaw(raw('ACK', cseq)),
      bye: () =>
        this.request('BYE', remoteTarget, {
          to: target,
          toTag,
          callId: res.callId,
          fromTag: res.fromTag,
          cseq: cseq + 1,
          routes,
          noAuth: true,
        }),
    };
  }

  _ackNon2xx(res, target) {
    const lines = [
      `ACK ${target} SIP/2.0`,
      `Via: ${res.get('via')}`,
      'Max-Forwards: 69',
      `To: ${res.get('to')}`,
      `From: ${res.get('from')}`,
      `Call-ID: ${res.get('call-id')}`,
      `CSeq: ${(res.get('cseq') || '1').split(' ')[0]} ACK`,
      'Content-Length: 0',
      '',
      '',
    ];
    this.sendRaw(lines.join('\r\n'));
  }

  /** SUBSCRIBE to target (sip URI) for event; resolves with the final response. */
  subscribe(target, event, accept, expires = 600) {
    return this.request('SUBSCRIBE', target, {
      headers: [`Event: ${event}`, `Accept: ${accept}`, `Expires: ${expires}`],
    });
  }

  /** In-dialog SUBSCRIBE (refresh, or Expires: 0 to unsubscribe) for a 2xx SUBSCRIBE response. */
  resubscribe(subscribeResponse, target, event, expires = 600) {
    const r = subscribeResponse;
    const m = /<([^>]+)>/.exec(r.get('contact') || '');
    const routes = r.all('record-route').flatMap((h) => h.split(/,(?=\s*<)/)).map((x) => x.trim()).reverse();
    return this.request('SUBSCRIBE', m ? m[1] : target, {
      to: target,
      toTag: tagOf(r.get('to')),
      callId: r.callId,
      fromTag: r.fromTag,
      routes,
      noAuth: true,
      headers: [`Event: ${event}`, `Expires: ${expires}`],
    });
  }

  publish(target, event, contentType, body, expires = 3600) {
    return this.request('PUBLISH', target, {
      headers: [`Event: ${event}`, `Expires: ${expires}`],
      contentType,
      body,
    });
  }

  message(target, text) {
    return this.request('MESSAGE', target, { body: text, contentType: 'text/plain' });
  }

  close() {
    if (!this.sock || this.closed || this.closing) return Promise.resolve();
    this.closing = true;
    return new Promise((resolve) => {
      this.sock.once('close', resolve);
      try {
        this.sock.end(this._frame(0x8, Buffer.from([0x03, 0xe8])));
      } catch {
        resolve();
      }
      setTimeout(() => {
        this.sock.destroy();
        resolve();
      }, 1000);
    });
  }

  /** Drop the TCP connection without a WebSocket close (like a crashed browser tab). */
  destroy() {
    this.sock?.destroy();
  }
}

export function dummySdp() {
  return [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 RTP/AVP 0',
    'a=rtpmap:0 PCMU/8000',
    '',
  ].join('\r\n');
}
