import { clientSearchText } from './search-text';

describe('clientSearchText', () => {
  it('joins the searchable fields, normalised, skipping the empty ones', () => {
    expect(
      clientSearchText({
        name: 'Société Cèdre & Fils',
        ice: '001234567000089',
        taxId: null,
        contactName: 'Hélène Müller',
        contactEmail: 'Helene.Muller@Cedre.MA',
        city: 'Fès',
      }),
    ).toBe('societecedrefils 001234567000089 helenemuller helenemullercedrema fes');
  });
});
