/**
 * Reads whether an INVITE asks to be answered automatically (intercom,
 * paging): `Call-Info: <…>;answer-after=N`, `Alert-Info: <…>;info=alert-autoanswer`
 * or `Alert-Info: …auto answer…`. Returns the delay in seconds, or undefined.
 * Pure, so it is unit-tested on hostile input.
 */
export function autoAnswerAfter(headers: (name: string) => string[]): number | undefined {
  for (const value of headers('Call-Info')) {
    const m = /;\s*answer-after\s*=\s*(\d{1,3})/i.exec(value);
    if (m) return Number(m[1]);
  }
  for (const value of headers('Alert-Info')) {
    if (/auto[-_ ]?answer|intercom|ring-answer/i.test(value)) {
      const delay = /;\s*delay\s*=\s*(\d{1,3})/i.exec(value);
      return delay ? Number(delay[1]) : 0;
    }
  }
  return undefined;
}
