import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AccountingSoftwareConfig, MeDto } from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { AccountingSoftwareSettings } from './accounting-software-settings';

const CONFIG: AccountingSoftwareConfig = {
  id: 'cfg-1',
  label: 'Sage — dossier principal',
  product: 'sage-100',
  productName: 'Sage 100 Comptabilité',
  deliveryMethod: 'export',
  deliveryEmail: null,
  exportFormat: 'xlsx',
  exportFrequency: 'weekly',
  isDefault: true,
  clientCount: 3,
};

async function render(role: 'admin' | 'member'): Promise<HTMLElement> {
  localStorage.clear();
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const http = TestBed.inject(HttpTestingController);
  const loaded = TestBed.inject(AuthStore).reload();
  const me: MeDto = {
    user: { id: 'u1', name: 'Salma', email: 'salma@atlas.ma', role, language: 'fr' },
    firm: { id: 'f1', name: 'Cabinet Atlas' },
  };
  http.expectOne('/api/auth/me').flush(me);
  await loaded;
  const fixture = TestBed.createComponent(AccountingSoftwareSettings);
  fixture.detectChanges();
  http.expectOne('/api/accounting-software/configs').flush([CONFIG]);
  http.expectOne('/api/accounting-software/catalogue').flush([]);
  await fixture.whenStable();
  http.verify();
  return fixture.nativeElement as HTMLElement;
}

describe('AccountingSoftwareSettings', () => {
  it('lists the configurations with delivery, default badge and client count', async () => {
    const el = await render('admin');
    const row = el.querySelector('[data-testid="software-row"]');
    expect(row?.textContent).toContain('Sage — dossier principal');
    expect(row?.textContent).toContain('Export Excel (.xlsx), Hebdomadaire');
    expect(row?.textContent).toContain('3 clients');
    expect(row?.querySelector('[data-testid="software-default-badge"]')?.textContent).toContain('Par défaut');
    expect(el.querySelector('[data-testid="software-add"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="software-edit"]')).not.toBeNull();
  });

  it('is read-only for a member, with a note', async () => {
    const el = await render('member');
    expect(el.querySelector('[data-testid="software-member-note"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="software-add"]')).toBeNull();
    expect(el.querySelector('[data-testid="software-edit"]')).toBeNull();
  });
});
