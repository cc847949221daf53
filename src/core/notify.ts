/**
 * Browser notifications for incoming calls while the page is hidden.
 * Permission is asked only on a user's action (placing or answering a call,
 * or from settings), never on load.
 */

const supported = () => typeof Notification !== 'undefined';

/** Asks for permission if it was never asked; call it from a user gesture. */
export function askNotificationPermission(): Promise<void> {
  if (!supported() || Notification.permission !== 'default') return Promise.resolve();
  return Notification.requestPermission().then(
    () => undefined,
    () => undefined,
  );
}

/** Shows "Incoming call" when the page is hidden; returns a function that closes it. */
export function notifyIncoming(title: string, body: string, tag: string, onClick: () => void): () => void {
  if (!supported() || Notification.permission !== 'granted' || document.visibilityState !== 'hidden') return () => undefined;
  try {
    const n = new Notification(title, { body, tag, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
    return () => n.close();
  } catch {
    return () => undefined;
  }
}
