// The host page side of the demo: click-to-call buttons use the widget's
// public dial() method, and the page logs the widget's public events.
const phone = document.querySelector('phone-widget');
const log = document.getElementById('log');

for (const button of document.querySelectorAll('[data-dial]')) {
  button.addEventListener('click', () => {
    const result = phone.dial(button.dataset.dial);
    if (!result.ok) add('dial refused', result.message);
  });
}

function add(type, text) {
  const item = document.createElement('li');
  const time = new Date().toLocaleTimeString();
  item.textContent = `${time}  ${type}  ${text}`;
  log.prepend(item);
  while (log.children.length > 30) log.lastChild.remove();
}

const describe = {
  'phone-status': (d) => d.text + (d.reason ? ` (${d.reason})` : ''),
  'phone-incoming': (d) => `from ${d.remote.name ?? ''} ${d.remote.number}`,
  'phone-call-start': (d) => `${d.direction} with ${d.remote.number}`,
  'phone-call-end': (d) => `${d.direction} with ${d.remote.number}, ${d.duration}s, ${d.cause.text}`,
  'phone-error': (d) => d.message,
};
for (const [type, text] of Object.entries(describe)) phone.addEventListener(type, (e) => add(type, text(e.detail)));
