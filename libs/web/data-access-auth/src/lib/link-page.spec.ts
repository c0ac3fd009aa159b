import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ApiError } from '@passerelle/api-types';
import { Observable, of, throwError } from 'rxjs';
import { linkPage } from './link-page';

describe('linkPage', () => {
  const describe404 = (error: unknown): ApiError => {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    return { statusCode: status, code: 'test', message: `HTTP ${status}` };
  };
  const notFound = new HttpErrorResponse({ status: 404 });
  const down = new HttpErrorResponse({ status: 0 });

  async function page(answers: Record<string, () => Observable<string>>) {
    const token = signal('first');
    const link = TestBed.runInInjectionContext(() =>
      linkPage(token, (value) => answers[value](), describe404),
    );
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    return { token, link };
  }

  it('loads what the token designates, and again when the token changes', async () => {
    const { token, link } = await page({ first: () => of('A'), second: () => of('B') });
    expect(link.state()).toEqual({ kind: 'ready', value: 'A' });
    token.set('second');
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(link.state()).toEqual({ kind: 'ready', value: 'B' });
  });

  it('tells an unusable link (404) from a failure to load (retry)', async () => {
    expect((await page({ first: () => throwError(() => notFound) })).link.state()).toEqual({
      kind: 'invalid',
      message: 'HTTP 404',
    });
    const failing = await page({ first: () => throwError(() => down) });
    expect(failing.link.state()).toEqual({ kind: 'error', message: 'HTTP 0' });
  });

  it('turns the page to "not valid" when a submission finds the link gone; other errors are the form’s', async () => {
    const { link } = await page({ first: () => of('A') });
    const conflict = new HttpErrorResponse({ status: 409 });
    expect(link.submitError(conflict)).toEqual({ statusCode: 409, code: 'test', message: 'HTTP 409' });
    expect(link.state().kind).toBe('ready');
    expect(link.submitError(notFound)).toBeNull();
    expect(link.state()).toEqual({ kind: 'invalid', message: 'HTTP 404' });
  });
});
