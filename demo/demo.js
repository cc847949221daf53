// The host page side of the CRM demo: tel: links are dialled by the widget
// (its intercept-links attribute), an incoming call pops the customer's
// record (the phone-incoming event), a dial to an unknown number is checked
// (the cancelable phone-dial-request), and the page logs the public events.
const phone = document.querySelector('phone-widget');
const log = document.getElementById('log');
const pop = document.getElementById('screen-pop');

function add(type, text) {
  const item = document.createElement('li');
  const time = new Date().toLocaleTimeString();
  item.textContent = `${time}  ${type}  ${text}`;
  log.prepend(item);
  while (log.children.length > 30) log.lastChild.remove();
}

/** The CRM's own lookup: the customer row for a number. */
function customer(number) {
  const row = document.querySelector(`#customers tr[data-number="${CSS.escape(number)}"]`);
  if (!row) return undefined;
  const [name, company, , note] = [...row.cells].map((c) => c.textContent);
  return { row, name, company, note };
}

phone.addEventListener('phone-incoming', (e) => {
  const { number, name } = e.detail.remote;
  const known = customer(number);
  document.getElementById('pop-who').textContent = known ? `${known.name}, ${known.company} (${number})` : `${name ?? 'Unknown caller'} (${number})`;
  document.getElementById('pop-note').textContent = known ? `Last note: ${known.note}` : 'Not in the CRM yet.';
  for (const r of document.querySelectorAll('#customers tr')) r.classList.toggle('calling', r === known?.row);
  pop.hidden = false;
});
phone.addEventListener('phone-call-end', () => {
  pop.hidden = true;
  for (const r of document.querySelectorAll('#customers tr')) r.classList.remove('calling');
});

// Every dial passes here first: the page may veto or rewrite it.
phone.addEventListener('phone-dial-request', (e) => {
  if (/^9\d{2,}$/.test(e.detail.target)) {
    e.preventDefault();
    add('phone-dial-request', `${e.detail.target} refused by the page (premium numbers)`);
  }
});

const describe = {
  'phone-status': (d) => d.text + (d.reason ? ` (${d.reason})` : ''),
  'phone-incoming': (d) => `from ${d.remote.name ?? ''} ${d.remote.number}`,
  'phone-call-start': (d) => `${d.direction} with ${d.remote.number}`,
  'phone-call-end': (d) => `${d.direction} with ${d.remote.number}, ${d.duration}s, ${d.cause.text}`,
  'phone-message': (d) => `from ${d.from.number}: ${d.text}`,
  'phone-error': (d) => d.message,
};
for (const [type, text] of Object.entries(describe)) phone.addEventListener(type, (e) => add(type, text(e.detail)));
