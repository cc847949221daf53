// Runs each network XML parser on a well-formed document and records, per
// parser, what it returned or what it threw (window.parserResults).
/* global cspParsers */
const DIALOG_INFO = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="full" entity="sip:1003@phone.test">
  <dialog id="a1" direction="recipient"><state>early</state>
    <remote><identity display="Bob">sip:1002@phone.test</identity></remote></dialog>
</dialog-info>`;
const PIDF = `<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:1003@phone.test">
  <tuple id="t"><status><basic>open</basic></status></tuple></presence>`;
const IMDN = `<?xml version="1.0" encoding="UTF-8"?><imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>m1</message-id>
  <datetime>2026-01-31T14:05:00Z</datetime><delivery-notification><status><delivered/></status></delivery-notification></imdn>`;
const COMPOSING = `<?xml version="1.0" encoding="UTF-8"?><isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">
  <state>active</state><refresh>60</refresh></isComposing>`;

const run = (fn) => {
  try {
    return { value: fn() };
  } catch (e) {
    return { threw: String(e) };
  }
};
window.parserResults = {
  parseDialogInfo: run(() => cspParsers.parseDialogInfo(DIALOG_INFO)),
  parsePidf: run(() => cspParsers.parsePidf(PIDF)),
  parseImdn: run(() => cspParsers.parseImdn(IMDN)),
  parseIsComposing: run(() => cspParsers.parseIsComposing(COMPOSING)),
};
