import { FILE_PROBLEM_CODES } from '@passerelle/domain-client';
import JSZip from 'jszip';
import { workbookBuffer } from '../../../../test/support/spreadsheets';
import { DEFAULT_READ_LIMITS } from './limits';
import { readSpreadsheet } from './read-spreadsheet';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = { ok: true; rows: number } | { ok: false; code: string };

/** A reading either succeeds or fails with one of the stable file codes — never anything else. */
async function outcome(bytes: Buffer): Promise<Outcome> {
  try {
    const result = await readSpreadsheet(bytes, { limits: DEFAULT_READ_LIMITS });
    return { ok: true, rows: result.rows.length };
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string };
    if (e.name === 'ImportFileError' && (FILE_PROBLEM_CODES as readonly string[]).includes(e.code ?? '')) {
      return { ok: false, code: e.code as string };
    }
    throw new Error(`unexpected ${e.name}: ${e.message}`);
  }
}

describe('reading mutated files (seeded fuzz)', () => {
  const SEED = 20251130;
  const CASES = 300;

  it(`never fails with anything but a file code on ${CASES} mutated workbooks and CSV files`, async () => {
    const rand = random(SEED);
    const xlsx = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Clients');
      ws.addRow(['Nom client', 'Ville', 'ICE', 'Email du contact', 'Créé le']);
      for (let i = 0; i < 40; i++) {
        ws.addRow([
          `Société ${i} — الأطلس`,
          'Fès',
          1_000_000_000 + i,
          { text: 'mail', hyperlink: `mailto:a${i}@b.ma` },
          new Date(Date.UTC(2024, 0, i + 1)),
        ]);
      }
    });
    const entries = Object.keys((await JSZip.loadAsync(xlsx)).files).filter((name) => !name.endsWith('/'));
    const csv = Buffer.from(
      `Nom;Ville;ICE\n${Array.from({ length: 40 }, (_, i) => `"Société ${i}";Fès;00${i}`).join('\n')}\n`,
    );
    const seen = new Map<string, number>();

    for (let n = 0; n < CASES; n++) {
      const base = rand() < 0.75 ? xlsx : csv;
      let bytes: Buffer = Buffer.from(base);
      const kind = Math.floor(rand() * 4);
      if (kind === 0) {
        for (let flips = 1 + Math.floor(rand() * 8); flips > 0; flips--) {
          bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        }
      } else if (kind === 1) {
        bytes = bytes.subarray(0, Math.floor(rand() * bytes.length));
      } else if (kind === 2 && base === xlsx) {
        const zip = await JSZip.loadAsync(xlsx);
        zip.remove(entries[Math.floor(rand() * entries.length)]);
        bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      } else {
        const at = Math.floor(rand() * bytes.length);
        const length = Math.floor(rand() * 64);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at)]);
      }
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        outcome(bytes).catch((error: Error) => {
          throw new Error(`case ${n} (seed ${SEED}, kind ${kind}): ${error.message}`);
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`case ${n} hung`)), 5000);
        }),
      ]).finally(() => clearTimeout(timer));
      const key = result.ok ? 'read' : result.code;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    // The mutations exercise both sides: some files still read, others are refused with their code.
    expect(seen.get('read')).toBeGreaterThan(10);
    expect(seen.get('corrupt_file')).toBeGreaterThan(10);
  });
});
