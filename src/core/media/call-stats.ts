import type { CallStats } from '../types.js';

/** Reads the figures a person or a test cares about from a peer connection's getStats. */
export async function readCallStats(pc: RTCPeerConnection): Promise<CallStats | null> {
  if (pc.connectionState === 'closed') return null;
  const report = await pc.getStats();
  const stats: CallStats = { bytesSent: 0, bytesReceived: 0, packetsReceived: 0, packetsLost: 0, audioEnergy: 0 };
  let codecId: string | undefined;
  report.forEach((s: Record<string, unknown> & { type: string }) => {
    if (s.kind !== undefined && s.kind !== 'audio') return;
    if (s.type === 'inbound-rtp') {
      stats.bytesReceived += Number(s.bytesReceived ?? 0);
      stats.packetsReceived += Number(s.packetsReceived ?? 0);
      stats.packetsLost += Number(s.packetsLost ?? 0);
      stats.audioEnergy += Number(s.totalAudioEnergy ?? 0);
      if (typeof s.jitter === 'number') stats.jitter = s.jitter;
      if (typeof s.codecId === 'string') codecId = s.codecId;
    } else if (s.type === 'outbound-rtp') {
      stats.bytesSent += Number(s.bytesSent ?? 0);
    } else if (s.type === 'remote-inbound-rtp' && typeof s.roundTripTime === 'number') {
      stats.roundTripTime = s.roundTripTime;
    }
  });
  const codec = codecId ? (report.get(codecId) as { mimeType?: string } | undefined) : undefined;
  if (codec?.mimeType) stats.codec = codec.mimeType.replace(/^audio\//, '');
  return stats;
}
