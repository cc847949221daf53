/**
 * Reads whether an INVITE asks to be answered automatically (intercom,
 * paging): `Call-Info: <…>;answer-after=N`, `Alert-Info: <…>;info=alert-autoanswer`
 * or `Alert-Info: …auto answer…`. Returns the delay in seconds, or undefined.
 * Pure, so it is unit-tested on hostile input.
 */
export function autoAnswerAfter(headers: (name: string) => string[]): number | undefined {
  for (const value of headers('Call-Info')) {
    const m = /;\s*answer-after\s*=\s*(\d+)/i.exec(value);
    if (m) return seconds(m[1]!);
    if (/;\s*info\s*=\s*alert-autoanswer\b/i.test(value)) return 0;
  }
  for (const value of headers('Alert-Info')) {
    const m = /;\s*answer-after\s*=\s*(\d+)/i.exec(value);
    if (m) return seconds(m[1]!);
    if (/auto[-_ ]?answer|intercom|ring-answer/i.test(value)) {
      const delay = /;\s*delay\s*=\s*(\d+)/i.exec(value);
      return delay ? seconds(delay[1]!) : 0;
    }
  }
  return undefined;
}

/** A delay read in full; anything over an hour is not a real request and is refused. */
function seconds(digits: string): number | undefined {
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= 3600 ? n : undefined;
}
