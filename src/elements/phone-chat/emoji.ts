import { msg } from '@lit/localize';

/**
 * The emoji the picker offers: a short, common set (no dependency), each with
 * its name for screen readers (a function: the name is in the active language).
 */
export const EMOJI: ReadonlyArray<readonly [string, () => string]> = [
  ['😀', () => msg('grinning face', { desc: 'Emoji name' })],
  ['😂', () => msg('tears of joy', { desc: 'Emoji name' })],
  ['🙂', () => msg('slight smile', { desc: 'Emoji name' })],
  ['😉', () => msg('wink', { desc: 'Emoji name' })],
  ['😍', () => msg('heart eyes', { desc: 'Emoji name' })],
  ['😎', () => msg('sunglasses', { desc: 'Emoji name' })],
  ['🤔', () => msg('thinking', { desc: 'Emoji name' })],
  ['😅', () => msg('sweat smile', { desc: 'Emoji name' })],
  ['😢', () => msg('crying', { desc: 'Emoji name' })],
  ['😮', () => msg('surprised', { desc: 'Emoji name' })],
  ['😡', () => msg('angry', { desc: 'Emoji name' })],
  ['🙄', () => msg('eye roll', { desc: 'Emoji name' })],
  ['👍', () => msg('thumbs up', { desc: 'Emoji name' })],
  ['👎', () => msg('thumbs down', { desc: 'Emoji name' })],
  ['👏', () => msg('clapping', { desc: 'Emoji name' })],
  ['🙏', () => msg('thank you', { desc: 'Emoji name' })],
  ['👋', () => msg('wave', { desc: 'Emoji name' })],
  ['💪', () => msg('strong', { desc: 'Emoji name' })],
  ['🤝', () => msg('handshake', { desc: 'Emoji name' })],
  ['👀', () => msg('eyes', { desc: 'Emoji name' })],
  ['🎉', () => msg('party', { desc: 'Emoji name' })],
  ['❤️', () => msg('heart', { desc: 'Emoji name' })],
  ['🔥', () => msg('fire', { desc: 'Emoji name' })],
  ['✅', () => msg('check mark', { desc: 'Emoji name' })],
  ['❌', () => msg('cross mark', { desc: 'Emoji name' })],
  ['⚠️', () => msg('warning', { desc: 'Emoji name' })],
  ['📞', () => msg('telephone', { desc: 'Emoji name' })],
  ['📅', () => msg('calendar', { desc: 'Emoji name' })],
  ['⏰', () => msg('alarm clock', { desc: 'Emoji name' })],
  ['☕', () => msg('coffee', { desc: 'Emoji name' })],
  ['💡', () => msg('idea', { desc: 'Emoji name' })],
  ['🚀', () => msg('rocket', { desc: 'Emoji name' })],
];
