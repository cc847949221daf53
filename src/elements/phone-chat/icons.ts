/** Small line icons for the chat (decorative: the buttons carry the names). */
import { svg } from 'lit';

const icon = (body: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const BACK = icon(svg`<path d="M15 5l-7 7 7 7"/>`);
export const PIN = icon(svg`<path d="M9 4h6l-1 6 4 4H6l4-4z"/><path d="M12 14v7"/>`);
export const MINIMISE = icon(svg`<path d="M6 18h12"/>`);
export const MORE = icon(svg`<circle cx="5" cy="12" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="19" cy="12" r="1.2"/>`);
export const SMILE = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M8.5 14.5c1.8 2 5.2 2 7 0"/><path d="M9 9.5h.01M15 9.5h.01"/>`);
export const CLIP = icon(svg`<path d="M20 11.5l-8.1 8.1a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8"/>`);
export const SEND = icon(svg`<path d="M4 12l16-8-6 16-2.5-6.5z"/><path d="M11.5 13.5L20 4"/>`);
