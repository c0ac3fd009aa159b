import { Directionality } from '@angular/cdk/bidi';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideI18nDirectionality } from './directionality';
import { I18n } from './i18n';

describe('I18nDirectionality', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18nDirectionality()] });
  });
  afterEach(() => localStorage.clear());

  it('follows the UI language: Material mirrors for Arabic and back', async () => {
    const i18n = TestBed.inject(I18n);
    const dir = TestBed.inject(Directionality);
    const changes: string[] = [];
    dir.change.subscribe((value) => changes.push(value));
    expect(dir.value).toBe('ltr');

    await i18n.use('ar');
    TestBed.tick();
    expect(dir.value).toBe('rtl');
    const html = TestBed.inject(DOCUMENT).documentElement;
    expect(html.dir).toBe('rtl');
    expect(html.lang).toBe('ar');

    await i18n.use('en');
    TestBed.tick();
    expect(dir.value).toBe('ltr');
    expect(changes).toEqual(['rtl', 'ltr']);
  });

  it('starts right-to-left when Arabic was chosen before, once its dictionary is loaded', async () => {
    localStorage.setItem('passerelle.lang', 'ar');
    const dir = TestBed.inject(Directionality);
    await TestBed.inject(I18n).ready();
    TestBed.tick();
    expect(dir.value).toBe('rtl');
  });
});
