import { DEFAULT_READ_LIMITS } from './limits';
import { decodeCsv, detectDelimiter, readCsv } from './csv-reader';

const limits = DEFAULT_READ_LIMITS;

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Windows-1252 bytes of a text (Latin-1 plus the 0x80–0x9F specials used here: € ’ œ). */
function windows1252(text: string): Buffer {
  const specials: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c };
  return Buffer.from([...text].map((c) => specials[c] ?? c.charCodeAt(0)));
}

describe('CSV reader', () => {
  it('reads UTF-8 with a BOM, comma-separated, English headers', async () => {
    const text = '\uFEFFCompany name,City,Contact email\r\nAtlas Négoce,Casablanca,karim@atlas.ma\r\n';
    const result = await readCsv(Buffer.from(text, 'utf8'), limits);
    expect(result).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      sheets: [],
      sheet: null,
      rows: [
        { row: 1, cells: ['Company name', 'City', 'Contact email'] },
        { row: 2, cells: ['Atlas Négoce', 'Casablanca', 'karim@atlas.ma'] },
      ],
    });
  });

  it('reads Windows-1252 with semicolons as French Excel saves it, quoted newlines and blank lines', async () => {
    const text =
      'Raison sociale;Adresse;Ville;Montant\r\n' +
      '"Société Générale, Fès";"12, rue d’Alger\r\n2e étage";Fès;1 000 €\r\n' +
      ';;;\r\n' +
      '\r\n' +
      'Cœur d’Atlas;Rue 5;Rabat;\r\n';
    const result = await readCsv(windows1252(text), limits);
    expect(result.encoding).toBe('windows-1252');
    expect(result.delimiter).toBe(';');
    expect(result.rows).toEqual([
      { row: 1, cells: ['Raison sociale', 'Adresse', 'Ville', 'Montant'] },
      { row: 2, cells: ['Société Générale, Fès', '12, rue d’Alger\r\n2e étage', 'Fès', '1 000 €'] },
      { row: 6, cells: ['Cœur d’Atlas', 'Rue 5', 'Rabat'] },
    ]);
  });

  it('reads UTF-16 LE and BE with their BOM, tab-separated', async () => {
    const text = 'الاسم\tالمدينة\nشركة الأطلس\tالرباط\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const bytes of [le, utf16be(text)]) {
      const result = await readCsv(bytes, limits);
      expect(result.delimiter).toBe('\t');
      expect(result.rows).toEqual([
        { row: 1, cells: ['الاسم', 'المدينة'] },
        { row: 2, cells: ['شركة الأطلس', 'الرباط'] },
      ]);
    }
    expect(decodeCsv(le).encoding).toBe('utf-16le');
    expect(decodeCsv(utf16be(text)).encoding).toBe('utf-16be');
  });

  it('keeps identifiers as typed (leading zeros) and tolerates stray quotes and ragged lines', async () => {
    const result = await readCsv(Buffer.from('ICE;Nom\n001234567890123;Le "Petit" Café;extra;;\n'), limits);
    expect(result.rows[1]).toEqual({ row: 2, cells: ['001234567890123', 'Le "Petit" Café', 'extra'] });
  });

  it('picks the delimiter that splits the lines consistently', async () => {
    expect(await detectDelimiter('Nom;Ville\n"Atlas, SARL";Rabat\nB;C\n')).toBe(';');
    expect(await detectDelimiter('name,city\n"Atlas; SARL",Rabat\nB,C\n')).toBe(',');
    expect(await detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(await detectDelimiter('une seule colonne\nencore\n')).toBe(',');
  });

  it('names the line of an unclosed quote', async () => {
    await expect(readCsv(Buffer.from('a,b\nc,d\n"e,f\ng,h\n'), limits)).rejects.toMatchObject({
      code: 'csv_malformed',
      hint: '3',
    });
  });

  it('refuses bytes that are neither UTF-8 after a UTF-8 BOM', async () => {
    await expect(readCsv(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62]), limits)).rejects.toMatchObject({
      code: 'invalid_encoding',
    });
  });

  it('refuses a file with only blank lines', async () => {
    await expect(readCsv(Buffer.from(';;\n\n ; \n'), limits)).rejects.toMatchObject({ code: 'no_data' });
  });
});
