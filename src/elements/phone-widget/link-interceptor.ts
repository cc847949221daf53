import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Click-to-dial: when on, clicks on `tel:` and `sip:` links anywhere in the
 * page dial through the phone instead of leaving the page.
 */
export class LinkInterceptor implements ReactiveController {
  #enabled: () => boolean;
  #dial: (target: string) => void;
  #onClick = (e: MouseEvent) => {
    if (!this.#enabled() || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const link = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && /^(tel|sips?):/i.test(n.getAttribute('href') ?? ''));
    if (!link) return;
    e.preventDefault();
    this.#dial(link.getAttribute('href')!);
  };

  constructor(host: ReactiveControllerHost, enabled: () => boolean, dial: (target: string) => void) {
    this.#enabled = enabled;
    this.#dial = dial;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('click', this.#onClick, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.#onClick, true);
  }
}
