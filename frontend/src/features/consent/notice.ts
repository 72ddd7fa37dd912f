/** Consent room: the notice the parties are given (this version's text in their language, plain or
 * easy-read) and its SHA-256, which the consent records as the notice shown. */
import type { i18n as I18n } from 'i18next';

export const NOTICE_VERSION = 'samtykke-2026-1';

export function noticeText(i18n: I18n, language: string, easyRead: boolean): string {
  const t = i18n.getFixedT(language);
  return t(easyRead ? 'consent.notice.easyRead' : 'consent.notice.standard');
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
