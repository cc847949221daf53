/**
 * What the user chose in the settings, one record per account; and the
 * account itself (with its password) where the page allows it and the user
 * asked for it: never otherwise.
 */
import { AccountStore } from './account-store.js';
import type { ConfigInput } from '../core/config.js';

export class SettingsStore {
  #store: AccountStore<unknown>;

  constructor(account: string) {
    this.#store = new AccountStore<unknown>(account, 'settings');
  }

  load(): Promise<unknown> {
    return this.#store.get('settings');
  }

  save(settings: object): Promise<void> {
    return this.#store.set('settings', settings);
  }
}

/** The remembered account of this origin (the user ticked "Remember me"). */
export type SavedLogin = Pick<ConfigInput, 'server' | 'domain' | 'identity' | 'authentication' | 'password' | 'display'>;

const login = () => new AccountStore<SavedLogin>('this-origin', 'login');

export async function readLogin(): Promise<SavedLogin | undefined> {
  const saved = await login().get('login');
  if (!saved || typeof saved !== 'object') return undefined;
  const out: SavedLogin = {};
  for (const key of ['server', 'domain', 'identity', 'authentication', 'password', 'display'] as const) {
    if (typeof saved[key] === 'string') out[key] = saved[key];
  }
  return out.identity && out.password ? out : undefined;
}

export function writeLogin(value: SavedLogin): Promise<void> {
  return login().set('login', value);
}

export function forgetLogin(): Promise<void> {
  return login().delete('login');
}
