// PUBLISHes to Kamailio's presence server, as a voicemail server or a
// presence client would: JsSIP has no PUBLISH, so a raw SIP-over-WebSocket
// client (authenticated as a local user) sends them.
import { WsSipClient } from '../sip-server/ws-sip-client.mjs';
import { ACCOUNTS, DOMAIN } from './bed.mjs';

async function publish(wsUrl, as, target, event, contentType, body) {
  const account = ACCOUNTS.find((a) => a.user === as);
  const client = new WsSipClient({ url: wsUrl, user: account.user, password: account.password, domain: DOMAIN });
  await client.connect();
  try {
    return (await client.publish(target, event, contentType, body)).status;
  } finally {
    await client.close();
  }
}

/** Sets the mailbox of `mailbox` (e.g. '1001') to `fresh` new and `old` old messages (presence_mwi); resolves with the PUBLISH status. */
export function publishVoicemail(wsUrl, mailbox, fresh, old = 0, publisher = '1008') {
  const target = `sip:${mailbox}@${DOMAIN}`;
  const body = `Messages-Waiting: ${fresh ? 'yes' : 'no'}\r\nMessage-Account: ${target}\r\nVoice-Message: ${fresh}/${old} (0/0)\r\n`;
  return publish(wsUrl, publisher, target, 'message-summary', 'application/simple-message-summary', body);
}

/** Publishes `user`'s own presence (PIDF, RFC 3863): `open` or `closed`, with an RPID activity when given. */
export function publishPresence(wsUrl, user, basic, activity) {
  const entity = `sip:${user}@${DOMAIN}`;
  const person = activity
    ? `<dm:person id="p${Date.now().toString(36)}"><rpid:activities><rpid:${activity}/></rpid:activities></dm:person>`
    : '';
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="${entity}">\n` +
    `<tuple id="t${Date.now().toString(36)}"><status><basic>${basic}</basic></status></tuple>${person}\n</presence>\n`;
  return publish(wsUrl, user, entity, 'presence', 'application/pidf+xml', body);
}
