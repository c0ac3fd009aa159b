import type { SheetRow } from './cells';
import { detectHeaderRow } from './header-row';

const rows = (...list: [number, SheetRow['cells']][]): SheetRow[] =>
  list.map(([row, cells]) => ({ row, cells }));

describe('header row detection', () => {
  it('skips a title row and notes above the French headers', () => {
    const sheet = rows(
      [1, ['Liste des clients du cabinet — 2025']],
      [2, ['Mise à jour le 3 mars', null, 'par Karim']],
      [4, ['Ville', 'Raison sociale', 'N° ICE', 'Courriel', 'Remarque']],
      [5, ['Rabat', 'Atlas', '001234567890123', 'a@b.ma', 'ok']],
    );
    expect(detectHeaderRow(sheet, 20)).toBe(4);
  });

  it('finds English and Arabic headers on the first row', () => {
    expect(
      detectHeaderRow(rows([1, ['Company name', 'City', 'Country']], [2, ['Atlas', 'Rabat', 'MA']]), 20),
    ).toBe(1);
    expect(
      detectHeaderRow(rows([1, ['اسم العميل', 'المدينة', 'البلد']], [2, ['الأطلس', 'الرباط', 'المغرب']]), 20),
    ).toBe(1);
  });

  it('looks only among the first rows', () => {
    const sheet = rows(
      ...Array.from({ length: 25 }, (_, i): [number, SheetRow['cells']] => [i + 1, [`note ${i}`]]),
    );
    sheet.push({ row: 26, cells: ['Raison sociale', 'Ville'] });
    expect(detectHeaderRow(sheet, 20)).toBe(1);
  });

  it('falls back to the row with the most texts when no header is recognised', () => {
    const sheet = rows(
      [1, ['Titre']],
      [2, ['alpha', 'beta', 'gamma']],
      [3, [{ kind: 'number', value: 1 }, 2 as never, 'x']],
    );
    expect(detectHeaderRow(sheet, 20)).toBe(2);
    expect(detectHeaderRow([], 20)).toBeNull();
  });
});
