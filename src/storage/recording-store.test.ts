import { expect } from '@open-wc/testing';
import { RecordingStore, RecordingStoreError } from './recording-store.js';

let n = 0;
const fresh = () => new RecordingStore(`sip:rec${Date.now()}${++n}@phone.test`);
const audio = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'audio/webm;codecs=opus' });
const meta = (historyId: string, segment: number) => ({ historyId, segment, startedAt: 1000 * segment, duration: segment, mimeType: 'audio/webm;codecs=opus', size: 0 });

describe('RecordingStore', () => {
  it('keeps one record per segment, lists a call’s segments in order without the audio, and deletes them per call', async () => {
    const store = fresh();
    await store.saveSegment(meta('call-b', 1), audio(10));
    await store.saveSegment(meta('call-a', 2), audio(20));
    await store.saveSegment(meta('call-a', 1), audio(30));
    await store.saveSegment(meta('call-a', 10), audio(40));
    const list = await store.listSegments('call-a');
    expect(list.map((s) => s.segment)).to.deep.equal([1, 2, 10]);
    expect(list[0]).to.deep.equal({ ...meta('call-a', 1), size: 30 });
    expect('blob' in list[0]!).to.equal(false);
    const blob = await store.getSegmentBlob('call-a', 2);
    expect(blob!.size).to.equal(20);
    expect(blob!.type).to.equal('audio/webm;codecs=opus');
    expect(await store.getSegmentBlob('call-a', 3)).to.equal(undefined);
    await store.deleteForCall('call-a');
    expect(await store.listSegments('call-a')).to.deep.equal([]);
    expect((await store.listSegments('call-b')).length, 'other calls kept').to.equal(1);
    await store.clear();
    expect(await store.listSegments('call-b')).to.deep.equal([]);
  });

  it('fails with problem "full" on QuotaExceededError, never silently', async () => {
    const store = fresh();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      await store.saveSegment(meta('call', 1), audio(10));
      expect.fail('saveSegment should have failed');
    } catch (error) {
      expect(error).to.be.instanceOf(RecordingStoreError);
      expect((error as RecordingStoreError).problem).to.equal('full');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await store.listSegments('call')).to.deep.equal([]);
  });
});
