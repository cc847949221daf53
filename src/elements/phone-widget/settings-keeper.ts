import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PhoneSession } from '../../core/phone-session.js';
import { parseSavedSettings, type SavedSettings } from '../../core/saved-settings.js';
import { SettingsStore } from '../../storage/settings-store.js';

/**
 * Keeps the user's settings per account: when an account comes up, its saved
 * settings are read and applied (over the page's defaults); what the user
 * changes afterwards is saved. Audio choices are followed on the session's
 * audio settings; the rest is saved through `save()`.
 */
export class SettingsKeeper implements ReactiveController {
  #session: PhoneSession;
  #apply: (saved: SavedSettings) => void;
  #account: string | undefined;
  #store: SettingsStore | undefined;
  /** The settings of the current account, once read (nothing is saved before: it would overwrite them). */
  #saved: SavedSettings | undefined;
  #offs: Array<() => void> = [];

  constructor(host: ReactiveControllerHost, session: PhoneSession, apply: (saved: SavedSettings) => void) {
    this.#session = session;
    this.#apply = apply;
    host.addController(this);
  }

  hostConnected(): void {
    this.#offs = [
      this.#session.on('change', (state) => this.#follow(state.account?.identity)),
      this.#session.audio.on('change', () => {
        if (this.#saved) void this.save({ audio: this.#session.audio.toJSON() });
      }),
    ];
    this.#follow(this.#session.state.account?.identity);
  }

  hostDisconnected(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Saves a change the user made (merged into what is saved for the account). */
  async save(patch: SavedSettings): Promise<void> {
    if (!this.#store || !this.#saved) return;
    this.#saved = { ...this.#saved, ...patch };
    await this.#store.save(this.#saved);
  }

  #follow(identity: string | undefined): void {
    const account = identity?.toLowerCase();
    if (account === this.#account) return;
    this.#account = account;
    this.#saved = undefined;
    this.#store = account ? new SettingsStore(account) : undefined;
    const store = this.#store;
    if (!store) return;
    void store.load().then((json) => {
      if (store !== this.#store) return;
      const saved = parseSavedSettings(json);
      this.#saved = saved;
      if (saved.audio) this.#session.audio.fromJSON(saved.audio);
      this.#apply(saved);
    });
  }
}
