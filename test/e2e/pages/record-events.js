// Test page helper: records every public phone event as the host page sees it.
window.phoneEvents = [];
for (const type of ['phone-status', 'phone-incoming', 'phone-call-start', 'phone-call-end', 'phone-error', 'phone-message', 'phone-voicemail']) {
  document.addEventListener(type, (e) => window.phoneEvents.push({ type, detail: JSON.parse(JSON.stringify(e.detail)) }));
}
