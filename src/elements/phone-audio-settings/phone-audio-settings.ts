import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { SessionController } from '../../context/session-controller.js';
import type { AudioPreferences, AudioSettings } from '../../core/media/audio-settings.js';
import type { AudioDevice } from '../../core/media/devices.js';
import { LevelMeter } from '../../core/media/level-meter.js';
import { RINGTONES, isRingtoneId } from '../../core/media/tones.js';
import { tokens } from '../../styles/tokens.js';
import { audioSettingsStyles } from './phone-audio-settings.styles.js';

/** The microphone check: off, opening the device, measuring, or why not. */
type MeterStatus = 'off' | 'opening' | 'on' | 'failed';

/**
 * Audio devices and sounds: microphone (with a live level), speaker and
 * ringer outputs, ringtone with a preview, ringer and speaker volumes.
 * Changes apply at once to the phone's `AudioSettings`.
 *
 * The microphone level runs only while the element is on screen. Where the
 * page has no microphone permission yet, a "Test microphone" button asks for
 * it, so the browser's prompt never appears unasked.
 *
 * @summary Audio settings of the phone. Place it inside a `<phone-widget>`, or set `audio`.
 * @csspart section - each group: microphone, speaker, ringer
 * @csspart select - each list: devices and ringtone
 * @csspart meter - the microphone level meter
 * @csspart meter-fill - the filled part of the meter
 * @csspart slider - each volume slider
 * @csspart test-button - the "Test microphone" button
 * @csspart play-button - the ringtone Play / Stop button
 * @csspart note - a note: microphone blocked, output not selectable
 */
@customElement('phone-audio-settings')
@localized()
export class PhoneAudioSettings extends LitElement {
  static override styles = [tokens, audioSettingsStyles];

  #phone = new SessionController(this);

  /** The settings to show and change; default: those of the enclosing phone (`session.audio`). */
  @property({ attribute: false }) audio?: AudioSettings;

  @state() private level = 0;
  @state() private meterStatus: MeterStatus = 'off';
  @state() private previewing = false;

  /** The settings followed now, and how to stop following them. */
  #followed: AudioSettings | undefined;
  #unfollow: Array<() => void> = [];
  #meter = new LevelMeter({ onLevel: (level) => this.#onLevel(level) });
  /** The microphone the meter has open ('' = default), or undefined when closed. */
  #meterDevice: string | undefined;
  /** The user pressed "Test microphone" (needed while permission is not yet granted). */
  #meterWanted = false;
  #visible = false;
  #observer: IntersectionObserver | undefined;

  /** The settings shown: `audio`, else the phone's. */
  get #settings(): AudioSettings | undefined {
    return this.audio ?? (this.#phone.session as { audio?: AudioSettings } | undefined)?.audio;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof IntersectionObserver === 'undefined') {
      this.#visible = true;
    } else {
      this.#observer = new IntersectionObserver((entries) => {
        this.#visible = entries.some((e) => e.isIntersecting);
        this.#syncMeter();
      });
      this.#observer.observe(this);
    }
    // Back on the page: follow the settings again (willUpdate picks them up).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#visible = false;
    this.#follow(undefined);
    this.#closeMeter();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.isConnected && this.#settings !== this.#followed) this.#follow(this.#settings);
  }

  #follow(settings: AudioSettings | undefined): void {
    const old = this.#followed;
    if (old && this.previewing) old.tones.stop();
    for (const off of this.#unfollow) off();
    this.#unfollow = [];
    this.#followed = settings;
    this.previewing = false;
    this.#meterWanted = false;
    if (!settings) {
      this.#syncMeter();
      return;
    }
    this.#unfollow.push(
      settings.on('change', () => {
        this.requestUpdate();
        this.#syncMeter();
      }),
      settings.tones.on('change', ({ previewing }) => (this.previewing = previewing !== null)),
    );
    this.previewing = settings.tones.previewing !== null;
    // A fresh list whenever the settings are shown: a headset plugged in a moment ago is there.
    void settings.refreshDevices();
    this.#syncMeter();
  }

  // ── microphone level ───────────────────────────────────────────────────

  /** Opens, moves or closes the meter to match what is shown and allowed. */
  #syncMeter(): void {
    const settings = this.#followed;
    const permission = settings?.state.devices.permission;
    const want = !!settings && this.isConnected && this.#visible && permission !== 'denied' && (permission === 'granted' || this.#meterWanted);
    if (!want) {
      this.#closeMeter();
      return;
    }
    const device = settings.state.microphoneId;
    if (this.#meterDevice === device && this.meterStatus !== 'failed') return;
    this.#meterDevice = device;
    this.meterStatus = 'opening';
    this.#meter
      .start({ deviceId: device })
      .then(() => {
        if (this.#meterDevice !== device) return;
        this.meterStatus = 'on';
        // Labels and permission can change with the first grant.
        void settings.refreshDevices();
      })
      .catch((error: unknown) => {
        if (this.#meterDevice !== device) return;
        this.meterStatus = 'failed';
        this.#meterWanted = false;
        if ((error as { name?: string })?.name === 'NotAllowedError') void settings.refreshDevices();
      });
  }

  #closeMeter(): void {
    if (this.#meterDevice === undefined && this.meterStatus === 'off') return;
    this.#meterDevice = undefined;
    this.#meter.stop();
    this.meterStatus = 'off';
    this.level = 0;
  }

  #onLevel(level: number): void {
    // Re-render only when the shown percentage changes.
    if (Math.round(level * 100) !== Math.round(this.level * 100)) this.level = level;
  }

  #testMicrophone(): void {
    this.#meterWanted = true;
    this.meterStatus = 'off';
    this.#syncMeter();
  }

  // ── handlers ───────────────────────────────────────────────────────────

  #update(patch: Partial<AudioPreferences>): void {
    this.#followed?.update(patch);
  }

  #onSelect(key: 'microphoneId' | 'speakerId' | 'ringerId') {
    return (e: Event) => this.#update({ [key]: (e.target as HTMLSelectElement).value });
  }

  #onVolume(key: 'ringVolume' | 'speakerVolume') {
    return (e: Event) => this.#update({ [key]: Number((e.target as HTMLInputElement).value) / 100 });
  }

  #onRingtone(e: Event): void {
    const id = (e.target as HTMLSelectElement).value;
    if (!isRingtoneId(id)) return;
    this.#update({ ringtone: id });
    // Previewing: hear the new choice at once.
    if (this.previewing) this.#followed?.tones.preview(id);
  }

  #togglePreview(): void {
    const settings = this.#followed;
    if (!settings) return;
    if (this.previewing) settings.tones.stop();
    else settings.tones.preview(settings.state.ringtone);
  }

  // ── render ─────────────────────────────────────────────────────────────

  #deviceSelect(id: string, label: string, devices: readonly AudioDevice[], value: string, key: 'microphoneId' | 'speakerId' | 'ringerId') {
    return html`
      <label class="label" for=${id}>${label}</label>
      <select id=${id} part="select" @change=${this.#onSelect(key)}>
        <option value="" .selected=${live(value === '')}>${msg('System default')}</option>
        ${devices.map((d) => html`<option value=${d.id} .selected=${live(d.id === value)}>${d.label}</option>`)}
      </select>
    `;
  }

  #slider(id: string, label: string, value: number, key: 'ringVolume' | 'speakerVolume') {
    const pct = Math.round(value * 100);
    return html`
      <div class="slider-head">
        <label class="label" for=${id}>${label}</label>
        <span class="value" aria-hidden="true">${pct}%</span>
      </div>
      <input id=${id} part="slider" type="range" min="0" max="100" step="1" .value=${live(String(pct))} aria-valuetext=${`${pct}%`} @input=${this.#onVolume(key)} />
    `;
  }

  #microphone() {
    const s = this.#followed!.state;
    const permission = s.devices.permission;
    if (permission === 'denied') {
      return html`<p class="note warn" part="note" role="alert">
        ${msg(
          html`Microphone access is blocked for this site, so calls cannot send your voice. To allow it, open the site settings (the icon at the left of the address bar), set <strong>Microphone</strong> to <strong>Allow</strong>, then reload the page.`,
        )}
      </p>`;
    }
    const pct = Math.round(this.level * 100);
    const meter = html`<div
      class="meter"
      part="meter"
      role="meter"
      aria-label=${msg('Microphone level')}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${pct}
      data-status=${this.meterStatus}
    >
      <div class="fill" part="meter-fill"></div>
    </div>`;
    if (this.meterStatus === 'off' && permission !== 'granted') {
      return html`<div class="mic-test">
        <button type="button" class="secondary" part="test-button" @click=${this.#testMicrophone}>${msg('Test microphone')}</button>
        <span class="hint">${msg('Your browser will ask to use the microphone.')}</span>
      </div>`;
    }
    return html`${meter}
      <p class="hint" aria-live="polite">${this.meterStatus === 'failed' ? msg('The microphone could not be opened.') : msg('Speak to see the level move.')}</p>`;
  }

  protected override updated(): void {
    // The level through CSSOM, never a style attribute: a strict CSP (no 'unsafe-inline') blocks those.
    this.renderRoot.querySelector<HTMLElement>('.fill')?.style.setProperty('transform', `scaleX(${this.level})`);
  }

  override render() {
    const settings = this.#followed;
    if (!settings) return html`<p class="note" part="note">${msg('Audio settings appear inside a phone.')}</p>`;
    const s = settings.state;
    const outputs = settings.outputSelectable;
    return html`
      <section class="section" part="section" aria-label=${msg('Microphone')}>
        ${this.#deviceSelect('microphone', msg('Microphone'), s.devices.inputs, s.microphoneId, 'microphoneId')} ${this.#microphone()}
      </section>
      <section class="section" part="section" aria-label=${msg('Speaker')}>
        ${outputs ? this.#deviceSelect('speaker', msg('Speaker'), s.devices.outputs, s.speakerId, 'speakerId') : nothing}
        ${this.#slider('speaker-volume', msg('Speaker volume'), s.speakerVolume, 'speakerVolume')}
      </section>
      <section class="section" part="section" aria-label=${msg('Ringer')}>
        ${outputs ? this.#deviceSelect('ringer', msg('Ringer'), s.devices.outputs, s.ringerId, 'ringerId') : nothing}
        <label class="label" for="ringtone">${msg('Ringtone')}</label>
        <div class="row">
          <select id="ringtone" part="select" @change=${this.#onRingtone}>
            ${RINGTONES.map((r) => html`<option value=${r.id} .selected=${live(r.id === s.ringtone)}>${r.label}</option>`)}
          </select>
          <button type="button" class="secondary play" part="play-button" @click=${this.#togglePreview}>
            ${this.previewing ? msg('Stop') : msg('Play')}
          </button>
        </div>
        ${this.#slider('ring-volume', msg('Ringer volume'), s.ringVolume, 'ringVolume')}
      </section>
      ${outputs ? nothing : html`<p class="note" part="note">${msg('This browser always plays through the default output.')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'phone-audio-settings': PhoneAudioSettings;
  }
}
