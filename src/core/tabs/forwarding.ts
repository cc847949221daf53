/**
 * In a follower tab, the session's commands go to the elected tab, which has
 * the calls and their media. Installed once per session: each command is
 * wrapped so that it runs here when this tab leads (or shares with nobody)
 * and is forwarded while another tab leads.
 */
import { msg, str } from '@lit/localize';
import type { DialResult, PhoneSession } from '../phone-session.js';
import type { TabShare } from './tab-share.js';

/** Commands carried out by the elected tab, with what a follower answers if that tab does not reply. */
const FORWARDED = {
  answer: undefined,
  hangup: undefined,
  reject: undefined,
  ignore: undefined,
  mute: undefined,
  hold: false,
  merge: false,
  endConference: undefined,
  muteParticipant: undefined,
  sendToRoom: false,
  swap: undefined,
  sendDtmf: undefined,
  transfer: false,
  // A getter: the words are in the language active when the answer is missed.
  get startAttendedTransfer() {
    return { ok: false, message: msg('The tab that has the calls did not answer.') };
  },
  completeTransfer: false,
  cancelTransfer: undefined,
  park: false,
  toggleRecording: undefined,
  setMonitorMode: undefined,
  updateSettings: undefined,
  setDnd: undefined,
  dismissNotice: undefined,
  stats: null,
} as const;

type Command = (...args: unknown[]) => unknown;
type Commands = Record<string, Command>;

function isForwarded(name: string): name is keyof typeof FORWARDED {
  return Object.prototype.hasOwnProperty.call(FORWARDED, name);
}

/** Wraps `session`'s commands so that they go to the elected tab while `tabs()` follows. */
export function forwardWhileFollowing(session: PhoneSession, tabs: () => TabShare | undefined): void {
  const commands = session as unknown as Commands;
  for (const name of Object.keys(FORWARDED) as Array<keyof typeof FORWARDED>) {
    const own = commands[name]!;
    commands[name] = (...args: unknown[]) => {
      const share = tabs();
      if (!share?.following) return own.apply(session, args);
      const fallback = FORWARDED[name];
      return share.forward(name, args).then((value) => value ?? fallback);
    };
  }
  // Dialling answers at once: the page of this tab may veto or rewrite the number here, the elected tab places the call.
  for (const name of ['dial', 'monitor', 'joinRoom'] as const) {
    const own = commands[name]!;
    commands[name] = (...args: unknown[]): DialResult => {
      const share = tabs();
      if (!share?.following) return own.apply(session, args) as DialResult;
      const requested = String(args[0] ?? '');
      const { status } = session.state;
      if (status !== 'ready' && status !== 'in-call') return { ok: false, message: msg('The phone is not connected yet.') };
      const target = name === 'dial' && session.dialFilter ? session.dialFilter(requested) : requested;
      if (target === null) return { ok: false, message: msg(str`The call to ${requested} was stopped by the page.`) };
      void share.forward(name, [target]);
      // The call's id is the elected tab's; the new call shows in the state.
      return { ok: true, id: '' };
    };
  }
}

/** Elected tab: carries out a command a follower forwarded (only the commands above). */
export function runForwarded(session: PhoneSession, name: string, args: unknown[]): unknown {
  const commands = session as unknown as Commands;
  if (name === 'dial') {
    // The follower's page already saw the dial request: this page is not asked again.
    const filter = session.dialFilter;
    session.dialFilter = undefined;
    try {
      return session.dial(String(args[0] ?? ''));
    } finally {
      session.dialFilter = filter;
    }
  }
  if (name === 'monitor') return session.monitor(String(args[0] ?? ''));
  if (name === 'joinRoom') return session.joinRoom();
  if (!isForwarded(name)) return undefined;
  return commands[name]!.apply(session, args);
}
