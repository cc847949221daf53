import type { CallStats } from '../types.js';

/** Reads the figures a person or a test cares about from a peer connection's getStats. */
export async function readCallStats(pc: RTCPeerConnection): Promise<CallStats | null> {
  if (pc.connectionState === 'closed') return null;
  const report = await pc.getStats();
  const stats: CallStats = { bytesSent: 0, bytesReceived: 0, packetsReceived: 0, packetsLost: 0, audioEnergy: 0 };
  let codecId: string | undefined;
  let pairId: string | undefined;
  report.forEach((s: Record<string, unknown> & { type: string }) => {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pairId = s.selectedCandidatePairId;
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
  // The selected candidate pair says whether media goes direct or through a TURN relay.
  const pair = pairId ? (report.get(pairId) as { localCandidateId?: string; remoteCandidateId?: string; currentRoundTripTime?: number } | undefined) : undefined;
  if (pair) {
    const local = report.get(pair.localCandidateId ?? '') as { candidateType?: string; relayProtocol?: string } | undefined;
    const remote = report.get(pair.remoteCandidateId ?? '') as { candidateType?: string } | undefined;
    stats.path = local?.candidateType === 'relay' || remote?.candidateType === 'relay' ? 'relay' : 'direct';
    const protocol = local?.candidateType === 'relay' ? local.relayProtocol : undefined;
    if (protocol === 'udp' || protocol === 'tcp' || protocol === 'tls') stats.relayProtocol = protocol;
    if (stats.roundTripTime === undefined && typeof pair.currentRoundTripTime === 'number') stats.roundTripTime = pair.currentRoundTripTime;
  }
  return stats;
}
