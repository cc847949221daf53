/**
 * Browser notifications for chat messages while the page is hidden.
 * Permission is asked only from a user's action (see `askNotificationPermission`).
 */

/** Shows a notification when the page is hidden and permission was given; one per conversation (tag). */
export function notifyMessage(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (typeof document === 'undefined' || document.visibilityState !== 'hidden') return;
  try {
    const n = new Notification(title, { body, tag: `phone-chat:${tag}` });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker.
  }
}
