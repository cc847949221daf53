/**
 * A JsSIP socket around its WebSocketInterface that keeps JsSIP's own parser
 * errors inside the phone: JsSIP 3.13.8 decodes URI escapes without catching
 * URIError, so one request from any caller with a malformed escape
 * ("sip:%80@host") would throw out of the WebSocket handler into the host page
 * and leave the request unanswered. Such a message is dropped with a warning.
 */
interface JsSipSocket {
  url: string;
  via_transport: string;
  sip_uri: string;
  connect(): void;
  disconnect(): void;
  send(message: string): boolean;
  isConnected(): boolean;
  isConnecting(): boolean;
  onconnect: (() => void) | null;
  ondisconnect: ((error: boolean, code?: number, reason?: string) => void) | null;
  ondata: ((data: string) => void) | null;
}

export function guardedSocket(inner: JsSipSocket): JsSipSocket {
  return {
    get url() {
      return inner.url;
    },
    get via_transport() {
      return inner.via_transport;
    },
    set via_transport(value: string) {
      inner.via_transport = value;
    },
    get sip_uri() {
      return inner.sip_uri;
    },
    connect: () => inner.connect(),
    disconnect: () => inner.disconnect(),
    send: (message) => inner.send(message),
    isConnected: () => inner.isConnected(),
    isConnecting: () => inner.isConnecting(),
    get onconnect() {
      return inner.onconnect;
    },
    set onconnect(fn) {
      inner.onconnect = fn;
    },
    get ondisconnect() {
      return inner.ondisconnect;
    },
    set ondisconnect(fn) {
      inner.ondisconnect = fn;
    },
    get ondata() {
      return inner.ondata;
    },
    set ondata(fn) {
      inner.ondata = fn
        ? (data: string) => {
            try {
              fn(data);
            } catch (error) {
              console.warn('[phone] dropped a SIP message the SIP stack could not read', error);
            }
          }
        : null;
    },
  };
}
