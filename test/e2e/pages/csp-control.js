// Breaks the policy on purpose from an allowed script: an HTML sink without
// a Trusted Types policy, and a connection to a server connect-src does not list.
try {
  document.body ? (document.body.innerHTML = '<b>x</b>') : document.addEventListener('DOMContentLoaded', () => {
    try {
      document.body.innerHTML = '<b>x</b>';
    } catch (e) {
      window.sinkError = String(e);
    }
  });
} catch (e) {
  window.sinkError = String(e);
}
try {
  new WebSocket('ws://127.0.0.1:8081');
} catch (e) {
  window.socketError = String(e);
}
