export type DeliveryMethod = 'email' | 'export';

export interface AccountingProduct {
  key: string;
  name: string;
  /** How this product takes documents in: by e-mail to its inbox, or by a periodic export file. */
  deliveryMethods: DeliveryMethod[];
}

/** Well-known accounting products of the Moroccan and French-speaking market (SPEC §3). */
export const ACCOUNTING_PRODUCTS: readonly AccountingProduct[] = [
  { key: 'sage-100', name: 'Sage 100 Comptabilité', deliveryMethods: ['export', 'email'] },
  { key: 'sage-50', name: 'Sage 50', deliveryMethods: ['export', 'email'] },
  { key: 'ciel-compta', name: 'Ciel Compta', deliveryMethods: ['export'] },
  { key: 'ebp-compta', name: 'EBP Compta', deliveryMethods: ['export', 'email'] },
  { key: 'cegid', name: 'Cegid', deliveryMethods: ['email', 'export'] },
  { key: 'odoo', name: 'Odoo', deliveryMethods: ['email', 'export'] },
  { key: 'dolibarr', name: 'Dolibarr', deliveryMethods: ['email', 'export'] },
  { key: 'quickbooks', name: 'QuickBooks', deliveryMethods: ['email', 'export'] },
  { key: 'pennylane', name: 'Pennylane', deliveryMethods: ['email'] },
  { key: 'excel-csv', name: 'Export Excel / CSV', deliveryMethods: ['export'] },
  { key: 'other', name: 'Autre logiciel', deliveryMethods: ['email', 'export'] },
];

export const PRODUCT_KEYS = ACCOUNTING_PRODUCTS.map((product) => product.key);

export function findProduct(key: string): AccountingProduct | undefined {
  return ACCOUNTING_PRODUCTS.find((product) => product.key === key);
}
