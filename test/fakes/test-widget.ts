/** A `<phone-widget>` whose network is scripted by `FakeSipAgent`, for element tests. */
import { PhoneWidget } from '../../src/elements/phone-widget/phone-widget.js';
import { PhoneSession } from '../../src/core/phone-session.js';
import { fakeAgents, type FakeSipAgent } from './fake-sip-agent.js';

// The base class makes its session in a field initialiser, before this
// class's own fields exist, so the fakes are kept beside the instance.
const fakes = new WeakMap<TestPhoneWidget, ReturnType<typeof fakeAgents>>();

export class TestPhoneWidget extends PhoneWidget {
  constructor() {
    super();
    // Element tests reuse one account in one page: each phone registers by itself.
    this.noTabSharing = true;
  }
  protected override createSession(): PhoneSession {
    const fake = fakeAgents();
    fakes.set(this, fake);
    return new PhoneSession(fake.factory);
  }
  /** The current fake agent (one per configured account). */
  get agent(): FakeSipAgent {
    const agents = fakes.get(this)!.agents;
    return agents[agents.length - 1]!;
  }
}
customElements.define('test-phone-widget', TestPhoneWidget);

declare global {
  interface HTMLElementTagNameMap {
    'test-phone-widget': TestPhoneWidget;
  }
}
