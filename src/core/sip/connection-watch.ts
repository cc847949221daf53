/**
 * Keeps the WebSocket to the SIP server honest; JsSIP alone does not:
 * - a half-open socket (server frozen, NAT dropped) is noticed by an OPTIONS
 *   keepalive that gets no answer, then the connection is dropped on purpose
 *   so JsSIP reconnects (to the next server if this one stays dead);
 * - the browser's `online` event and the page becoming visible check at once;
 * - connected to a fallback server, it probes the preferred one and, when it
 *   answers and no call is going on, moves back to it.
 *
 * It reaches into JsSIP 3.13.8 internals (the transport and its sockets),
 * pinned in package.json and covered by the end-to-end failover tests.
 */
import type { UA } from 'jssip/lib/UA';

interface SocketEntry {
  socket: { url: string; disconnect(): void };
  status: number;
}
interface TransportInternals {
  socket: { url: string; disconnect(): void };
  sockets: SocketEntry[];
  isConnected(): boolean;
  _onDisconnect(error: boolean, code?: number, reason?: string): void;
}
interface UAInternals {
  _transport?: TransportInternals;
  sendOptions(target: string, body: string | null, options: { eventHandlers: Record<string, (e: { response?: unknown }) => void> }): void;
}

export interface ConnectionWatchOptions {
  /** How often to check the connection (ms). */
  interval?: number;
  /** How long an OPTIONS may go unanswered before the connection counts as dead (ms). */
  timeout?: number;
  /** How often to look for the preferred server while on a fallback (ms). */
  failbackInterval?: number;
  /** Whether a call is going on (no move back to the preferred server then). */
  busy: () => boolean;
}

export class ConnectionWatch {
  #ua: UAInternals;
  #domain: string;
  #opts: Required<Omit<ConnectionWatchOptions, 'busy'>> & Pick<ConnectionWatchOptions, 'busy'>;
  #timer: ReturnType<typeof setInterval> | undefined;
  #failback: ReturnType<typeof setInterval> | undefined;
  #pending = false;
  #onOnline = () => this.check();
  #onVisible = () => {
    if (document.visibilityState === 'visible') this.check();
  };

  constructor(ua: UA, domain: string, options: ConnectionWatchOptions) {
    this.#ua = ua as unknown as UAInternals;
    this.#domain = domain;
    this.#opts = { interval: 15000, timeout: 8000, failbackInterval: 20000, ...options };
  }

  start(): void {
    this.#timer ??= setInterval(() => this.check(), this.#opts.interval);
    this.#failback ??= setInterval(() => void this.#tryPreferred(), this.#opts.failbackInterval);
    addEventListener('online', this.#onOnline);
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  stop(): void {
    clearInterval(this.#timer);
    clearInterval(this.#failback);
    this.#timer = this.#failback = undefined;
    removeEventListener('online', this.#onOnline);
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  /** Sends one OPTIONS; no answer in time drops the connection so that it is rebuilt. */
  check(): void {
    const transport = this.#ua._transport;
    if (this.#pending || !transport?.isConnected()) return;
    this.#pending = true;
    const socket = transport.socket;
    const timer = setTimeout(() => {
      this.#pending = false;
      if (transport.socket === socket && transport.isConnected()) this.#drop(transport, 'keepalive timeout');
    }, this.#opts.timeout);
    const answered = () => {
      clearTimeout(timer);
      this.#pending = false;
    };
    try {
      this.#ua.sendOptions(`sip:${this.#domain}`, null, {
        eventHandlers: {
          succeeded: answered,
          // Any response (even 4xx) proves the server is there; none means it is not.
          failed: (e) => (e.response ? answered() : undefined),
        },
      });
    } catch {
      answered();
    }
  }

  #drop(transport: TransportInternals, reason: string): void {
    transport.socket.disconnect();
    transport._onDisconnect(true, 1006, reason);
  }

  /** On a fallback server: if the preferred one answers and nothing is going on, move back to it. */
  async #tryPreferred(): Promise<void> {
    const transport = this.#ua._transport;
    if (!transport?.isConnected() || this.#opts.busy()) return;
    const preferred = [...transport.sockets].sort((a, b) => (b as unknown as { weight: number }).weight - (a as unknown as { weight: number }).weight)[0];
    if (!preferred || preferred.socket === transport.socket) return;
    if (!(await reachable(preferred.socket.url))) return;
    if (this.#opts.busy() || transport.socket === preferred.socket) return;
    preferred.status = 0; // READY again, so JsSIP picks it (highest weight) on reconnect.
    this.#drop(transport, 'back to the preferred server');
  }
}

/** Whether a SIP WebSocket server accepts a connection now. */
function reachable(url: string, timeout = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, 'sip');
    } catch {
      return resolve(false);
    }
    const done = (ok: boolean) => {
      clearTimeout(timer);
      ws.onopen = ws.onerror = ws.onclose = null;
      try {
        ws.close();
      } catch {
        // already closed
      }
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeout);
    ws.onopen = () => done(true);
    ws.onerror = () => done(false);
    ws.onclose = () => done(false);
  });
}
