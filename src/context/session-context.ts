import { createContext } from '@lit/context';
import type { PhoneSession } from '../core/phone-session.js';

/**
 * The phone session a `<phone-widget>` provides to the elements inside it.
 * The provided object never changes identity; state changes are announced by
 * the session's own `change` event (see `SessionController`).
 */
export const sessionContext = createContext<PhoneSession | undefined>(Symbol('phone-session'));
