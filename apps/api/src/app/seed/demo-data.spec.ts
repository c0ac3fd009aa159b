import { CLIENT_STATUSES } from '@passerelle/domain-client';
import { validateClient } from '@passerelle/domain-validators';
import { DEMO_CLIENTS, DEMO_SOFTWARE, demoIban, demoIce } from './demo-data';
import { ACCOUNTING_PRODUCTS } from '../accounting-software/catalogue';

describe('demo seed data', () => {
  it.each(DEMO_CLIENTS.map((client) => [client.name, client]))(
    '%s passes the domain validators unchanged (stored in normalised form)',
    (_, client) => {
      const { software, status, archived, daysAgo, ...draft } = client;
      const accountingSoftwareId =
        software === null ? null : `00000000-0000-4000-8000-00000000000${software}`;
      const result = validateClient({ ...draft, accountingSoftwareId });
      expect(result.errors).toEqual([]);
      expect(result.value).toEqual({ ...draft, accountingSoftwareId });
      expect(CLIENT_STATUSES).toContain(status);
      expect(typeof archived).toBe('boolean');
      expect(daysAgo).toBeGreaterThan(0);
    },
  );

  it('shows what the product does: countries, languages, statuses, archived clients, sharing', () => {
    expect(DEMO_CLIENTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEMO_CLIENTS.map((c) => c.country)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(DEMO_CLIENTS.map((c) => c.contactLanguage))).toEqual(
      new Set(['fr', 'ar', 'en', 'zgh', 'es', 'de', 'nl']),
    );
    expect(new Set(DEMO_CLIENTS.map((c) => c.status))).toEqual(new Set(CLIENT_STATUSES));
    expect(DEMO_CLIENTS.filter((c) => c.archived).length).toBe(3);
    expect(DEMO_CLIENTS.filter((c) => c.status === 'invitation_failed' && !c.archived).length).toBe(2);
    expect(new Set(DEMO_CLIENTS.map((c) => c.software))).toEqual(new Set([null, 0, 1, 2]));
    expect(new Set(DEMO_CLIENTS.map((c) => c.contactEmail)).size).toBe(DEMO_CLIENTS.length);
    expect(new Set(DEMO_CLIENTS.map((c) => c.ice).filter(Boolean)).size).toBe(
      DEMO_CLIENTS.filter((c) => c.ice).length,
    );
  });

  it('configures software the catalogue offers, by a delivery method it supports, one default', () => {
    for (const software of DEMO_SOFTWARE) {
      const product = ACCOUNTING_PRODUCTS.find((p) => p.key === software.product);
      expect(product?.deliveryMethods).toContain(software.deliveryMethod);
    }
    expect(DEMO_SOFTWARE.filter((s) => s.isDefault)).toHaveLength(1);
  });

  it('computes identifiers whose check digits hold', () => {
    expect(demoIce('001525587', '0000')).toBe('001525587000007');
    const iban = demoIban('007', '780', '0001234500004567');
    expect(iban).toMatch(/^MA64\d{24}$/);
    expect(BigInt(iban.slice(4)) % 97n).toBe(0n);
    expect(BigInt(demoIce('002114873')) % 97n).toBe(0n);
  });
});
