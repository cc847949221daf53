import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The commands a parent page may send to a phone in an iframe. */
export const BRIDGE_COMMANDS = ['dial', 'answer', 'hangup', 'reject', 'hold', 'mute', 'sendDtmf', 'transfer'] as const;
export type BridgeCommand = (typeof BRIDGE_COMMANDS)[number];

/** Parses `allowed-origins` ("https://a.example, https://b.example"): exact origins only, no wildcards. */
export function parseOrigins(value: string | undefined): string[] {
  const out: string[] = [];
  for (const raw of (value ?? '').split(/[\s,]+/)) {
    if (!raw) continue;
    try {
      const url = new URL(raw);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === raw.replace(/\/$/, '')) out.push(url.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return out;
}

/**
 * For a phone embedded in an iframe: posts the phone's public events to the
 * parent page, and runs commands the parent posts, but only for the origins
 * the page allowed. Messages from any other origin are refused.
 *
 * Parent → phone: `{ target: 'phone-widget', id?, command, args? }`.
 * Phone → parent: `{ source: 'phone-widget', type: 'phone-status' | …, detail }`
 * and `{ source: 'phone-widget', type: 'phone-command-result', id, result }`.
 */
export class MessageBridge implements ReactiveController {
  #origins: () => string[];
  #run: (command: BridgeCommand, args: unknown[]) => unknown;
  #onMessage = (e: MessageEvent) => void this.#handle(e);

  constructor(host: ReactiveControllerHost, origins: () => string[], run: (command: BridgeCommand, args: unknown[]) => unknown) {
    this.#origins = origins;
    this.#run = run;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('message', this.#onMessage);
  }

  hostDisconnected(): void {
    removeEventListener('message', this.#onMessage);
  }

  /** Sends one public event to the parent, for each allowed origin. */
  post(type: string, detail: unknown): void {
    if (window.parent === window) return;
    for (const origin of this.#origins()) window.parent.postMessage({ source: 'phone-widget', type, detail }, origin);
  }

  async #handle(e: MessageEvent): Promise<void> {
    const data = e.data as { target?: unknown; command?: unknown; args?: unknown; id?: unknown } | null;
    if (!data || typeof data !== 'object' || data.target !== 'phone-widget') return;
    if (e.source !== window.parent || !this.#origins().includes(e.origin)) {
      console.warn(`[phone] refused a command from ${e.origin || 'an unknown origin'}`);
      return;
    }
    const command = BRIDGE_COMMANDS.find((c) => c === data.command);
    const args = Array.isArray(data.args) ? data.args.filter((a) => ['string', 'number', 'boolean'].includes(typeof a) || a === undefined) : [];
    let result: unknown;
    try {
      result = command ? await this.#run(command, args) : { ok: false, message: 'Unknown command' };
    } catch (error) {
      result = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    window.parent.postMessage({ source: 'phone-widget', type: 'phone-command-result', id: data.id, result: result ?? { ok: true } }, e.origin);
  }
}
