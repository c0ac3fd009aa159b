import { CsvError, parse, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { isBlankCell, type SheetRow } from './cells';
import { ImportFileError } from './file-error';
import { maxSheetRows, type ReadLimits } from './limits';
import type { ReadResult } from './read-result';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

/** No spreadsheet has more columns than Excel's XFD: a line with more is refused whatever its cells hold. */
const HARD_COLUMN_CAP = 16_384;
const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;
const CHUNK_CHARS = 256 * 1024;

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * The file's text: UTF-16 LE/BE and UTF-8 by their byte-order mark, then UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252 (what French Excel writes for "CSV (séparateur : point-virgule)").
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  let encoding: CsvEncoding;
  if (startsWith(bytes, 0xff, 0xfe)) encoding = 'utf-16le';
  else if (startsWith(bytes, 0xfe, 0xff)) encoding = 'utf-16be';
  else if (startsWith(bytes, 0xef, 0xbb, 0xbf)) encoding = 'utf-8';
  else {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      encoding = 'windows-1252';
    }
  }
  // Node's TextDecoder reads windows-1252 as ISO-8859-1 (0x80–0x9F become control characters, not € ’ œ…).
  if (encoding === 'windows-1252')
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('invalid_encoding', encoding.toUpperCase());
  }
  return { text, encoding };
}

/** Field counts of the first lines under one delimiter (csv-parse does the reading, quotes included). */
function fieldCounts(sample: string, delimiter: CsvDelimiter): Promise<number[]> {
  return new Promise((resolve) => {
    const counts: number[] = [];
    const parser = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to_line: SAMPLE_LINES,
      on_record: (record: string[]) => {
        counts.push(record.length);
        return null;
      },
    });
    parser.on('error', () => resolve(counts));
    parser.on('end', () => resolve(counts));
    parser.resume();
    parser.end(sample);
  });
}

/**
 * `;`, `,` or tab: the one that splits the first lines into the most columns, consistently (the most
 * frequent field count, weighed by how many lines have it). One column under every delimiter → `,`.
 */
export async function detectDelimiter(text: string): Promise<CsvDelimiter> {
  let sample = text.slice(0, SAMPLE_CHARS);
  const lastNewline = sample.lastIndexOf('\n');
  if (text.length > SAMPLE_CHARS && lastNewline > 0) sample = sample.slice(0, lastNewline);
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = await fieldCounts(sample, delimiter);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [count, lines] of frequency) {
      const score = count * (lines / counts.length);
      if (score > best.score) best = { delimiter, score };
    }
  }
  return best.delimiter;
}

interface Marked {
  problem?: ImportFileError;
}

/**
 * Reads a CSV file with csv-parse: encoding and delimiter detected, quoted fields with newlines, ragged
 * lines allowed. Each record keeps the line number it starts on; blank records are skipped. The column and
 * row caps, and a NUL character, stop the reading where they are met.
 */
export async function readCsv(bytes: Uint8Array, limits: ReadLimits): Promise<ReadResult> {
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new ImportFileError('binary_content');
  const delimiter = await detectDelimiter(text);
  const rows: SheetRow[] = [];
  const rowCap = maxSheetRows(limits);
  let previousEnd = 0;

  const options: Options = {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: limits.maxColumns * limits.maxCellChars,
    cast: (value, context) => {
      if (context.index >= HARD_COLUMN_CAP || (context.index >= limits.maxColumns && value.trim() !== '')) {
        throw mark(new ImportFileError('too_many_columns', String(limits.maxColumns)));
      }
      return value;
    },
    on_record: (record: string[]) => {
      // Lines counted from the fields themselves: csv-parse counts a CRLF inside quotes as two lines.
      const start = previousEnd + 1;
      previousEnd = start + lineBreaks(record);
      let blank = true;
      for (const cell of record) {
        if (!isBlankCell(cell)) {
          blank = false;
          break;
        }
      }
      if (blank) return null;
      if (rows.length >= rowCap) throw mark(new ImportFileError('too_many_rows', String(limits.maxDataRows)));
      rows.push({ row: start, cells: trimTrailingBlanks(record) });
      return null;
    },
  };

  await new Promise<void>((resolve, reject) => {
    const parser = parse(options);
    parser.on('error', (error: Error & Marked) => {
      if (error.problem) reject(error.problem);
      else if (error instanceof CsvError)
        reject(new ImportFileError('csv_malformed', String(previousEnd + 1)));
      else reject(error);
    });
    parser.on('end', () => resolve());
    parser.resume();
    // Fed in slices so that a problem early in a large file stops the work early.
    let offset = 0;
    const feed = (): void => {
      while (offset < text.length) {
        const chunk = text.slice(offset, offset + CHUNK_CHARS);
        offset += CHUNK_CHARS;
        if (!parser.write(chunk)) {
          parser.once('drain', feed);
          return;
        }
      }
      parser.end();
    };
    feed();
  });

  if (rows.length === 0) throw new ImportFileError('no_data');
  return { format: 'csv', encoding, delimiter, sheets: [], sheet: null, rows };
}

/** Errors thrown inside csv-parse callbacks come back wrapped or as-is: carry the problem either way. */
function mark(problem: ImportFileError): Error & Marked {
  return Object.assign(new Error(problem.message), { problem });
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(record: string[]): number {
  let count = 0;
  for (const field of record) {
    if (field.includes('\n') || field.includes('\r')) count += field.match(LINE_BREAK)?.length ?? 0;
  }
  return count;
}

function trimTrailingBlanks(record: string[]): string[] {
  let end = record.length;
  while (end > 0 && isBlankCell(record[end - 1])) end--;
  return end === record.length ? record : record.slice(0, end);
}
