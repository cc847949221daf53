/**
 * Hold and resume by re-INVITE without JsSIP 3.13's failure path: its own
 * hold()/unhold() end the whole call with 500 "Hold Failed" on any error reply
 * (a 491 glare, a 488 from a picky PBX). A failed hold must never drop a call,
 * so this drives the same re-INVITE with our own handlers, puts JsSIP's hold
 * flag back and rolls the peer connection back to stable on failure.
 *
 * It reaches into JsSIP internals (pinned to jssip 3.13.8 in package.json);
 * the end-to-end hold tests fail loudly if a JsSIP update moves them.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { HoldResult } from './agent.js';

interface RTCSessionInternals {
  _localHold: boolean;
  _onhold(originator: 'local'): void;
  _onunhold(originator: 'local'): void;
  _sendReinvite(options: {
    eventHandlers: { succeeded: () => void; failed: (response?: { status_code?: number }) => void };
    rtcOfferConstraints?: RTCOfferOptions;
  }): void;
  _connection: RTCPeerConnection | null;
  isReadyToReOffer(): boolean;
  isEstablished(): boolean;
}

/** Waits out glare per RFC 3261 14.1: 2.1–4 s if we own the dialog's Call-ID, else 0–2 s. */
export const glareDelayMs = (weCalled: boolean): number =>
  weCalled ? 2100 + Math.random() * 1900 : Math.random() * 2000;

/**
 * Sends one re-INVITE once no other offer/answer is under way. On an error
 * reply, `undo` runs and the peer connection is rolled back to stable; the
 * call itself is never ended.
 */
async function sendReinvite(s: RTCSessionInternals, before: () => void, undo: () => void, constraints?: RTCOfferOptions): Promise<HoldResult> {
  // Another offer/answer may be under way (the far end's re-INVITE): let it finish.
  for (let i = 0; i < 8 && s.isEstablished() && !s.isReadyToReOffer(); i++) await new Promise((r) => setTimeout(r, 250));
  if (!s.isEstablished() || !s.isReadyToReOffer()) return { ok: false };
  before();
  return new Promise((resolve) => {
    s._sendReinvite({
      ...(constraints ? { rtcOfferConstraints: constraints } : {}),
      eventHandlers: {
        succeeded: () => resolve({ ok: true }),
        failed: (response) => {
          undo();
          const pc = s._connection;
          const rollback =
            pc && pc.signalingState === 'have-local-offer' ? pc.setLocalDescription({ type: 'rollback' }).catch(() => undefined) : Promise.resolve();
          void rollback.then(() => resolve({ ok: false, ...(response?.status_code ? { code: response.status_code } : {}) }));
        },
      },
    });
  });
}

function reinvite(session: RTCSession, held: boolean): Promise<HoldResult> {
  const s = session as unknown as RTCSessionInternals;
  const flag = (on: boolean) => {
    s._localHold = on;
    if (on) s._onhold('local');
    else s._onunhold('local');
  };
  if (s._localHold === held) return Promise.resolve({ ok: true });
  return sendReinvite(
    s,
    () => flag(held),
    () => flag(!held),
  );
}

/** Holds or resumes; on 491 (glare) retries once after the RFC 3261 delay. */
export async function setHold(session: RTCSession, held: boolean, weCalled: boolean): Promise<HoldResult> {
  const first = await reinvite(session, held);
  if (first.ok || first.code !== 491) return first;
  await new Promise((r) => setTimeout(r, glareDelayMs(weCalled)));
  return reinvite(session, held);
}

/**
 * Renegotiates with an ICE restart (new ICE credentials, new candidates), as
 * after a network change. Like hold, a refused re-INVITE never ends the call.
 */
export function restartIce(session: RTCSession): Promise<HoldResult> {
  const nothing = () => undefined;
  return sendReinvite(session as unknown as RTCSessionInternals, nothing, nothing, { iceRestart: true });
}
