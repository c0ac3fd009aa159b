import { DEFAULT_READ_LIMITS } from '../reading/limits';
import { ImportThread } from './import-thread';
import type { ReadSummary } from './thread-main';
import { ownBuffers } from './thread-protocol';
import type { SheetRow } from '../reading/cells';

function csv(rows: number): Buffer {
  const lines = ['Raison sociale;Ville;ICE'];
  for (let i = 0; i < rows; i++) lines.push(`Société ${i} — الأطلس;Fès;${String(i).padStart(15, '0')}`);
  return Buffer.from(lines.join('\n'));
}

async function read(
  thread: ImportThread,
  bytes: Buffer,
  limits = DEFAULT_READ_LIMITS,
  timeoutMs?: number,
): Promise<ReadSummary> {
  const copy = new Uint8Array(bytes);
  return thread.call<ReadSummary>('read', { bytes: copy, sheet: null, limits }, [copy.buffer], timeoutMs);
}

describe('what a thread result moves instead of copying', () => {
  it('is a byte array that alone views its whole buffer — never a slice of a shared one', () => {
    const own = new TextEncoder().encode('[[2,["x"]]]');
    const pooled = Buffer.from('small'); // a view into Node's shared allocation pool
    const slice = new Uint8Array(new ArrayBuffer(16), 4, 8);
    expect(ownBuffers(own)).toEqual([own.buffer]);
    expect(ownBuffers({ count: 1, json: own })).toEqual([own.buffer]);
    expect(ownBuffers(pooled)).toEqual([]);
    expect(ownBuffers({ json: slice, rows: [own] })).toEqual([]);
    expect(ownBuffers('text')).toEqual([]);
    expect(ownBuffers(null)).toEqual([]);
  });
});

describe('import thread', () => {
  it('reads a file off the event loop and hands its rows over in batches', async () => {
    const thread = new ImportThread();
    try {
      const summary = await read(thread, csv(2500));
      expect(summary).toEqual({
        format: 'csv',
        encoding: 'utf-8',
        delimiter: ';',
        sheets: [],
        sheet: null,
        rowCount: 2501,
      });
      const batch = await thread.call<SheetRow[]>('rows', { offset: 2499, limit: 1000 });
      expect(batch).toEqual([
        { row: 2500, cells: ['Société 2498 — الأطلس', 'Fès', '000000000002498'] },
        { row: 2501, cells: ['Société 2499 — الأطلس', 'Fès', '000000000002499'] },
      ]);
    } finally {
      await thread.close();
    }
  });

  it('hands rows over for storage as UTF-8 JSON bytes in a buffer of their own', async () => {
    const thread = new ImportThread();
    try {
      await read(thread, csv(3));
      const batch = await thread.call<{ count: number; json: Uint8Array }>('rowsJson', {
        offset: 2,
        limit: 5,
      });
      expect(batch.count).toBe(2);
      expect(batch.json).toBeInstanceOf(Uint8Array);
      expect([batch.json.byteOffset, batch.json.byteLength]).toEqual([0, batch.json.buffer.byteLength]);
      expect(JSON.parse(new TextDecoder().decode(batch.json))).toEqual([
        [3, ['Société 1 — الأطلس', 'Fès', '000000000000001']],
        [4, ['Société 2 — الأطلس', 'Fès', '000000000000002']],
      ]);
    } finally {
      await thread.close();
    }
  });

  it('passes a file problem back with its code and hint', async () => {
    const thread = new ImportThread();
    try {
      await expect(read(thread, Buffer.from('%PDF-1.4 ...'))).rejects.toMatchObject({
        name: 'ImportFileError',
        code: 'unsupported_file_type',
        hint: 'PDF',
      });
      // The thread is still usable after a refused file.
      await expect(read(thread, csv(1))).resolves.toMatchObject({ rowCount: 2 });
    } finally {
      await thread.close();
    }
  });

  it('ends a thread that outgrows its heap cap: file_too_complex, and this process carries on', async () => {
    // Room to start: run from sources, the thread compiles its TypeScript itself (the bundle does not), and
    // under 24 MB that once ran out on a slow machine before the first small file was read.
    const thread = new ImportThread({ maxHeapMb: 32, callTimeoutMs: 60_000 });
    try {
      await expect(read(thread, csv(10))).resolves.toMatchObject({ rowCount: 11 });
      await expect(
        read(thread, csv(150_000), { ...DEFAULT_READ_LIMITS, maxDataRows: 1_000_000 }),
      ).rejects.toMatchObject({
        code: 'file_too_complex',
      });
      await expect(thread.call('rows', { offset: 0, limit: 1 })).rejects.toMatchObject({
        code: 'file_too_complex',
      });
    } finally {
      await thread.close();
    }
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });

  it('ends a thread that takes too long', async () => {
    const thread = new ImportThread();
    try {
      await expect(read(thread, csv(10))).resolves.toMatchObject({ rowCount: 11 });
      await expect(
        read(thread, csv(300_000), { ...DEFAULT_READ_LIMITS, maxDataRows: 1_000_000 }, 20),
      ).rejects.toMatchObject({
        code: 'file_too_complex',
      });
      await expect(read(thread, csv(10))).rejects.toMatchObject({ code: 'file_too_complex' });
    } finally {
      await thread.close();
    }
  });
});
