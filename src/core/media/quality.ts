/**
 * Call quality from raw media figures: a MOS estimate (a simplified ITU-T
 * G.107 E-model, as most softphones show) and the warnings a person should
 * see. Pure, unit-tested.
 */
import { msg, str } from '@lit/localize';

export interface QualitySample {
  /** Round-trip time, ms. */
  rtt?: number;
  /** Jitter, ms. */
  jitter?: number;
  /** Packet loss over the last interval, percent. */
  loss?: number;
  /** Received audio bitrate over the last interval, kbit/s. */
  bitrate?: number;
  codec?: string;
  /** Through a TURN relay, or direct between the two ends. */
  path?: 'direct' | 'relay';
  /** Through our relay: how we reach the TURN server. */
  relayProtocol?: 'udp' | 'tcp' | 'tls';
}

export interface CallQuality extends QualitySample {
  mos: number;
  /** What is wrong right now, in words: "High jitter (45 ms)". Empty when all is well. */
  warnings: string[];
}

export const QUALITY_LIMITS = { rtt: 400, jitter: 30, loss: 3, mos: 3.5 };

/** Mean opinion score 1–4.5 from RTT, jitter and loss (E-model, simplified). */
export function estimateMos(rtt = 0, jitter = 0, loss = 0): number {
  const clean = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : 0);
  const latency = clean(rtt) / 2 + clean(jitter) * 2 + 10;
  let r = 93.2 - (latency < 160 ? latency / 40 : (latency - 120) / 10);
  r -= Math.min(100, clean(loss)) * 2.5;
  r = Math.min(100, Math.max(0, r));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100;
}

export function assessQuality(sample: QualitySample): CallQuality {
  const mos = estimateMos(sample.rtt, sample.jitter, sample.loss);
  const warnings: string[] = [];
  const rtt = Math.round(sample.rtt ?? 0);
  const jitter = Math.round(sample.jitter ?? 0);
  const loss = (sample.loss ?? 0).toFixed(1);
  const score = mos.toFixed(1);
  if ((sample.rtt ?? 0) > QUALITY_LIMITS.rtt) warnings.push(msg(str`High delay (${rtt} ms)`));
  if ((sample.jitter ?? 0) > QUALITY_LIMITS.jitter) warnings.push(msg(str`High jitter (${jitter} ms)`));
  if ((sample.loss ?? 0) > QUALITY_LIMITS.loss) warnings.push(msg(str`Packet loss (${loss} %)`));
  if (mos < QUALITY_LIMITS.mos && warnings.length === 0) warnings.push(msg(str`Poor quality (MOS ${score})`));
  return { ...sample, mos, warnings };
}

/** Average and worst of a call, kept with its history entry. */
export interface QualitySummary {
  avgMos: number;
  worstMos: number;
  maxRtt?: number;
  maxJitter?: number;
  maxLoss?: number;
  path?: 'direct' | 'relay';
  codec?: string;
}

export function summarize(samples: readonly CallQuality[]): QualitySummary | undefined {
  if (!samples.length) return undefined;
  const max = (key: 'rtt' | 'jitter' | 'loss') => {
    const values = samples.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    return values.length ? Math.round(Math.max(...values) * 10) / 10 : undefined;
  };
  const last = samples[samples.length - 1]!;
  const summary: QualitySummary = {
    avgMos: Math.round((samples.reduce((a, s) => a + s.mos, 0) / samples.length) * 100) / 100,
    worstMos: Math.min(...samples.map((s) => s.mos)),
  };
  const maxRtt = max('rtt');
  const maxJitter = max('jitter');
  const maxLoss = max('loss');
  if (maxRtt !== undefined) summary.maxRtt = maxRtt;
  if (maxJitter !== undefined) summary.maxJitter = maxJitter;
  if (maxLoss !== undefined) summary.maxLoss = maxLoss;
  if (last.path) summary.path = last.path;
  if (last.codec) summary.codec = last.codec;
  return summary;
}
