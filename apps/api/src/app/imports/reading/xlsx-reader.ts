import { columnIndexOfRef, isBlankCell, rowOfRef, type SheetCell, type SheetRow } from './cells';
import { ImportFileError } from './file-error';
import { maxSheetRows, type ReadLimits } from './limits';
import type { ReadResult } from './read-result';
import { XmlStream, unescapeOoxml } from './xml';
import { ZipReader, relsPathOf, resolvePart } from './zip';

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';
const REL_HYPERLINK = '/hyperlink';
/** Excel's last column (XFD): a reference beyond it is nonsense and never allocated. */
const EXCEL_COLUMNS = 16_384;

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

interface SheetInfo {
  name: string;
  part: string | undefined;
  visible: boolean;
}

interface WorkbookInfo {
  part: string;
  sheets: SheetInfo[];
  sharedStrings: string | undefined;
  styles: string | undefined;
  date1904: boolean;
}

/**
 * Reads one worksheet of an .xlsx, streaming: the zip parts by random access (yauzl), each XML part through
 * saxes — the workbook and its relationships, the styles (to know which numbers are dates), the shared
 * strings, then the sheet. Cells are unwrapped: shared/inline/rich text → text, formula → its cached
 * result, error values → an error cell, dates → ISO text, numbers → the number Excel stored, mailto
 * hyperlinks → the address. The default sheet is the first visible one holding data.
 */
export async function readXlsx(
  bytes: Buffer,
  options: { sheet?: string | null; limits: ReadLimits },
): Promise<ReadResult> {
  const zip = await ZipReader.open(bytes, options.limits);
  try {
    const workbook = await readWorkbook(zip);
    const visible = workbook.sheets.filter((sheet) => sheet.visible && sheet.part);
    const candidates = options.sheet
      ? workbook.sheets.filter((sheet) => sheet.name === options.sheet && sheet.part)
      : visible;
    if (options.sheet && candidates.length === 0) throw new ImportFileError('sheet_not_found', options.sheet);
    if (candidates.length === 0) throw new ImportFileError('no_data');

    const dateStyles = workbook.styles ? await readDateStyles(zip, workbook.styles) : [];
    const sharedStrings = workbook.sharedStrings
      ? await readSharedStrings(zip, workbook.sharedStrings, options.limits)
      : [];
    const context: SheetContext = {
      sharedStrings,
      dateStyles,
      date1904: workbook.date1904,
      limits: options.limits,
    };
    for (const sheet of candidates) {
      const rows = await readSheet(zip, sheet.part as string, context);
      if (rows.length > 0 || options.sheet) {
        if (rows.length === 0) throw new ImportFileError('no_data');
        return { format: 'xlsx', sheets: visible.map((s) => s.name), sheet: sheet.name, rows };
      }
    }
    throw new ImportFileError('no_data');
  } finally {
    zip.close();
  }
}

async function parsePart(zip: ZipReader, part: string, handlers: ConstructorParameters<typeof XmlStream>[0]) {
  const xml = new XmlStream(handlers);
  await zip.readText(part, (text) => xml.write(text));
  xml.end();
}

async function readRelationships(zip: ZipReader, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const path = relsPathOf(part);
  if (!zip.find(path)) return rels;
  await parsePart(zip, path, {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes['Id'] || !attributes['Target']) return;
      const external = attributes['TargetMode'] === 'External';
      rels.set(attributes['Id'], {
        type: attributes['Type'] ?? '',
        target: external ? attributes['Target'] : resolvePart(part, attributes['Target']),
        external,
      });
    },
  });
  return rels;
}

function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(attributes))
    if (key === 'id' || key.endsWith(':id')) return value;
  return undefined;
}

async function readWorkbook(zip: ZipReader): Promise<WorkbookInfo> {
  const packageRels = await readRelationships(zip, '');
  const document = [...packageRels.values()].find((rel) => rel.type.endsWith(REL_OFFICE_DOCUMENT));
  const part = document?.target ?? 'xl/workbook.xml';
  // A zip without a workbook part is some other document (.docx, a plain archive): not a spreadsheet.
  if (!zip.find(part)) throw new ImportFileError('unsupported_file_type', 'ZIP');
  const rels = await readRelationships(zip, part);
  const declared: { name: string; id: string | undefined; state: string | undefined }[] = [];
  let date1904 = false;
  await parsePart(zip, part, {
    open(name, attributes) {
      if (name === 'sheet') {
        declared.push({
          name: attributes['name'] ?? '',
          id: relationshipId(attributes),
          state: attributes['state'],
        });
      } else if (name === 'workbookPr') {
        date1904 = attributes['date1904'] === '1' || attributes['date1904'] === 'true';
      }
    },
  });
  const byType = (suffix: string) => [...rels.values()].find((rel) => rel.type.endsWith(suffix))?.target;
  return {
    part,
    sheets: declared.map((sheet) => {
      const rel = sheet.id ? rels.get(sheet.id) : undefined;
      const isWorksheet = !!rel && rel.type.endsWith(REL_WORKSHEET) && !rel.external;
      // A sheet listed with no part behind it: the archive lost a piece.
      if (isWorksheet && !zip.find(rel.target)) throw new ImportFileError('corrupt_file');
      return {
        name: sheet.name,
        part: isWorksheet ? rel.target : undefined,
        visible: sheet.state !== 'hidden' && sheet.state !== 'veryHidden',
      };
    }),
    sharedStrings: byType(REL_SHARED_STRINGS),
    styles: byType(REL_STYLES),
    date1904,
  };
}

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, plus the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format code shows a date/time when, outside quoted text, escapes and [colour]/[condition]
 * sections, it uses d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

async function readDateStyles(zip: ZipReader, part: string): Promise<boolean[]> {
  if (!zip.find(part)) return [];
  const customDates = new Set<number>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parsePart(zip, part, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attributes['numFmtId']);
        if (isDateFormatCode(attributes['formatCode'] ?? '')) customDates.add(id);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes['numFmtId'] ?? 0);
        styles.push(BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** The shared-strings table; rich-text runs are joined, phonetic runs (rPh) left out. Capped while read. */
async function readSharedStrings(zip: ZipReader, part: string, limits: ReadLimits): Promise<string[]> {
  if (!zip.find(part)) return [];
  const strings: string[] = [];
  let chars = 0;
  let current = '';
  let inT = false;
  let phonetic = 0;
  await parsePart(zip, part, {
    open(name) {
      if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
      else if (name === 'si') current = '';
    },
    text(text) {
      if (inT) current += text;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) {
          throw new ImportFileError('too_many_shared_strings', String(limits.maxSharedStrings));
        }
        chars += current.length;
        if (chars > limits.maxSharedStringChars) {
          throw new ImportFileError('too_many_shared_strings', String(limits.maxSharedStrings));
        }
        strings.push(detached(unescapeOoxml(current)));
      }
    },
  });
  return strings;
}

interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: ReadLimits;
}

const MAILTO_FORMULA = /^\s*HYPERLINK\(\s*"mailto:([^"]*)"/i;

/** The address of a mailto: link, without its ?subject=… part. */
export function mailtoAddress(target: string): string | undefined {
  if (!/^mailto:/i.test(target)) return undefined;
  const address = target.slice(7).split('?')[0];
  try {
    return decodeURIComponent(address).trim();
  } catch {
    return address.trim();
  }
}

async function readSheet(zip: ZipReader, part: string, context: SheetContext): Promise<SheetRow[]> {
  const { limits } = context;
  const rowCap = maxSheetRows(limits);
  const rels = await readRelationships(zip, part);
  const rows: SheetRow[] = [];

  let rowNumber = 0;
  let cells: SheetCell[] = [];
  let nonBlank = false;
  let column = -1;
  let type = 'n';
  let style = 0;
  let ref = '';
  let value = '';
  let formula = '';
  let inline = '';
  let hasValue = false;
  let capture: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const cellValue = (): SheetCell => {
    switch (type) {
      case 's': {
        if (!hasValue) return null;
        const text = context.sharedStrings[Number(value)];
        if (text === undefined) throw new ImportFileError('corrupt_file');
        return text;
      }
      case 'inlineStr':
        return unescapeOoxml(inline);
      case 'str':
        return unescapeOoxml(value);
      case 'b':
        return hasValue ? value.trim() === '1' || value.trim().toLowerCase() === 'true' : null;
      case 'e':
        return { kind: 'error', value: value.trim() || '#N/A' };
      case 'd':
        return value.trim() || null;
      default: {
        if (formula) {
          const mailto = MAILTO_FORMULA.exec(formula);
          if (mailto) return mailtoAddress(`mailto:${mailto[1]}`) ?? null;
        }
        if (!hasValue || value.trim() === '') return null;
        const n = Number(value);
        if (!Number.isFinite(n)) return value;
        if (context.dateStyles[style]) return excelDateToIso(n, context.date1904);
        return { kind: 'number', value: n };
      }
    }
  };

  await parsePart(zip, part, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = Number(attributes['r']);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          nonBlank = false;
          column = -1;
          break;
        }
        case 'c':
          ref = attributes['r'] ?? '';
          column = ref ? columnIndexOfRef(ref) : column + 1;
          type = attributes['t'] ?? 'n';
          style = attributes['s'] ? Number(attributes['s']) : 0;
          value = '';
          formula = '';
          inline = '';
          hasValue = false;
          inInline = false;
          break;
        case 'v':
          capture = 'v';
          hasValue = true;
          break;
        case 'f':
          capture = 'f';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0) capture = 't';
          break;
        case 'hyperlink':
          applyHyperlink(rows, attributes, rels, limits);
          break;
      }
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 'f') formula += text;
      else if (capture === 't') inline += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          capture = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          if (column < 0 || column >= EXCEL_COLUMNS) {
            if (column >= EXCEL_COLUMNS)
              throw new ImportFileError('too_many_columns', String(limits.maxColumns));
            break;
          }
          const cell = cellValue();
          if (isBlankCell(cell)) break;
          if (column >= limits.maxColumns)
            throw new ImportFileError('too_many_columns', String(limits.maxColumns));
          if (typeof cell === 'string' && cell.length > limits.maxCellChars) {
            cells[column] = cell.slice(0, limits.maxCellChars);
          } else cells[column] = cell;
          nonBlank = true;
          break;
        }
        case 'row':
          if (!nonBlank) break;
          if (rows.length >= rowCap) throw new ImportFileError('too_many_rows', String(limits.maxDataRows));
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          rows.push({ row: rowNumber, cells });
          break;
      }
    },
  });
  return rows;
}

/** A mailto: hyperlink replaces the text of the cells it covers with its address. */
function applyHyperlink(
  rows: SheetRow[],
  attributes: Record<string, string>,
  rels: Map<string, Relationship>,
  limits: ReadLimits,
): void {
  const id = relationshipId(attributes);
  const rel = id ? rels.get(id) : undefined;
  if (!rel || !rel.type.endsWith(REL_HYPERLINK)) return;
  const address = mailtoAddress(rel.target);
  if (!address) return;
  const [from, to = from] = (attributes['ref'] ?? '').split(':');
  const firstRow = rowOfRef(from);
  const lastRow = rowOfRef(to);
  const firstColumn = columnIndexOfRef(from);
  const lastColumn = Math.min(columnIndexOfRef(to), limits.maxColumns - 1);
  if (!Number.isFinite(firstRow) || !Number.isFinite(lastRow) || firstColumn < 0) return;
  for (let i = lowerBound(rows, firstRow); i < rows.length && rows[i].row <= lastRow; i++) {
    const cells = rows[i].cells;
    for (let column = firstColumn; column <= lastColumn && column < cells.length; column++) {
      if (!isBlankCell(cells[column])) cells[column] = address;
    }
  }
}

function lowerBound(rows: readonly SheetRow[], row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid].row < row) low = mid + 1;
    else high = mid;
  }
  return low;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date as ISO text: "2025-03-14", with "T09:30:00" when it has a time of day. Serials
 * before 1 March 1900 account for Excel's phantom 29 February 1900. */
export function excelDateToIso(serial: number, date1904: boolean): string {
  const days = !date1904 && serial < 61 ? serial + 1 : serial;
  const ms = Math.round(((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS) / 1000) * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(serial);
  const iso = date.toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * A copy of a string that owns its characters. The XML parser hands text over as slices of the decoded
 * chunk it came from; kept as they are, 400,000 shared strings would keep every chunk of the part alive.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
