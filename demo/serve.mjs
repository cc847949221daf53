// Starts the demo: the local Kamailio (the default SIP server) and a static
// server for the demo pages, then prints ready-made activation links for two
// test accounts so that two tabs can call each other.
//
//   npm start                      build, then this
//   node demo/serve.mjs --port 8000 --no-sip   (use your own SIP server)
import { startSipServer, ACCOUNTS, DOMAIN } from '../test/sip-server/sip-server.mjs';
import { startStaticServer } from './static-server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 8000));
const withSip = !args.includes('--no-sip');

let sip;
try {
  if (withSip) sip = await startSipServer({});
} catch (error) {
  console.error(`Could not start Kamailio: ${error.message}`);
  console.error('Install it with: apt-get install kamailio kamailio-websocket-modules kamailio-presence-modules kamailio-sqlite-modules kamailio-utils-modules kamailio-tls-modules');
  process.exit(1);
}
const http = await startStaticServer({ port });
const server = sip?.wsUrl ?? 'ws://127.0.0.1:8080';

const link = (user) => {
  const a = ACCOUNTS.find((x) => x.user === user);
  const url = new URL('/demo/', http.url);
  url.searchParams.set('server', server);
  url.searchParams.set('identity', `sip:${user}@${DOMAIN}`);
  url.searchParams.set('authentication', user);
  url.searchParams.set('password', a.password);
  url.searchParams.set('display', a.name);
  return url.toString();
};
const fixed = (user) => `${http.url}/demo/?username=${user}&password=${ACCOUNTS.find((x) => x.user === user).password}`;

console.log(`
Phone widget demo
  SIP server   ${withSip ? `Kamailio on ${sip.wsUrl} (wss: ${sip.wssUrl}), domain ${DOMAIN}` : 'none started (--no-sip)'}
  Demo page    ${http.url}/demo/

Open these two activation links, each in its own tab, and call 1002 from 1001:
  Alice (1001)  ${link('1001')}
  Bob   (1002)  ${link('1002')}

Fixed-server form (the demo page fixes server and domain):
  Carol (1003)  ${fixed('1003')}

Kiosk that calls reception (1001):
  Lobby (1005)  ${http.url}/demo/kiosk.html?username=1005&password=${ACCOUNTS.find((x) => x.user === '1005').password}

Build your own links: ${http.url}/demo/activate.html

Other test accounts: ${ACCOUNTS.slice(3).map((a) => `${a.user}/${a.password}`).join(', ')}
Press Ctrl-C to stop.
`);

const stop = async () => {
  await http.close();
  await sip?.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
