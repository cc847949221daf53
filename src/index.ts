/**
 * The npm entry: every element registered, and the public types.
 */
export { PhoneWidget } from './elements/phone-widget/phone-widget.js';
export { PhoneDialer } from './elements/phone-dialer/phone-dialer.js';
export { PhoneCallCard } from './elements/phone-call-card/phone-call-card.js';
export { PhoneBlfPanel } from './elements/phone-blf-panel/phone-blf-panel.js';
export { PhoneChat } from './elements/phone-chat/phone-chat.js';
export { PhoneParks } from './elements/phone-parks/phone-parks.js';
export { PhoneAudioSettings } from './elements/phone-audio-settings/phone-audio-settings.js';
export { AudioSettings, parseAudioPreferences, type AudioPreferences, type AudioSettingsState } from './core/media/audio-settings.js';
export { TonePlayer, RINGTONES, type RingtoneId } from './core/media/tones.js';
export type { AudioDevice, AudioDeviceList, MicrophonePermission } from './core/media/devices.js';
export { PhoneSession, type DialResult, type SessionEvents } from './core/phone-session.js';
export { sessionContext } from './context/session-context.js';
export { SessionController } from './context/session-controller.js';
export * from './events/phone-events.js';
export type { ConfigInput, PhoneConfig, ConfigError } from './core/config.js';
export type * from './core/types.js';
export type { BlfState, WatchRequest } from './core/blf/blf-service.js';
export type { BlfKey } from './core/blf/keys.js';
export type { KeyLamp, LampState } from './core/blf/lamp.js';
export type { ParkSlotView, ParksState } from './core/blf/parks.js';
export type { MessageSummary } from './core/blf/message-summary.js';
export type { Contact, ContactDraft, ContactPhone } from './core/blf/contact.js';
export type { DirectoryEntry } from './core/blf/directory.js';
export type { Presence, PresenceStatus } from './core/blf/pidf.js';
export { ChatService, MAX_TEXT_BYTES, type ChatEvents } from './core/chat/chat-service.js';
export { ChatThread } from './core/chat/chat-thread.js';
export { DEFAULT_MAX_ATTACHMENT_KB } from './core/chat/attachment.js';
export type { ChatState, ChatMessage, ChatFile, ChatParty, Conversation, ChatMessageEvent, ChatResult, DeliveryState } from './core/chat/chat-types.js';
