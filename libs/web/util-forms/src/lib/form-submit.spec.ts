import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApiError } from '@passerelle/api-types';
import { formSubmit } from './form-submit';

describe('formSubmit', () => {
  const form = () =>
    new FormGroup({
      email: new FormControl('', { nonNullable: true, validators: Validators.required }),
      name: new FormControl('Salma', { nonNullable: true }),
    });
  const create = (group: ReturnType<typeof form>, describe: (error: unknown) => ApiError | null) =>
    runInInjectionContext(TestBed.inject(Injector), () => formSubmit(group, describe));

  it('shows the fields’ errors of an invalid form instead of sending it', async () => {
    const group = form();
    const submission = create(group, () => null);
    const actions: string[] = [];
    await submission.submit(async () => void actions.push('sent'));
    expect(actions).toEqual([]);
    expect(group.controls.email.touched).toBe(true);
    expect(submission.errorOf('email')).toBe('Ce champ est obligatoire.');
    expect(submission.errorOf('name')).toBe('');
  });

  it('runs the action once while it is pending', async () => {
    const group = form();
    group.controls.email.setValue('salma@atlas.ma');
    const submission = create(group, () => null);
    let release: () => void = () => undefined;
    let runs = 0;
    const first = submission.submit(() => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    expect(submission.pending()).toBe(true);
    await submission.submit(async () => void (runs += 1));
    expect(runs).toBe(1);
    release();
    await first;
    expect(submission.pending()).toBe(false);
    expect(submission.error()).toBeNull();
  });

  it('puts a failure’s field errors on their fields and the rest in the alert', async () => {
    const group = form();
    group.controls.email.setValue('salma@atlas.ma');
    const failures: ApiError[] = [
      {
        statusCode: 409,
        code: 'account_email_taken',
        message: 'Adresse déjà utilisée',
        fields: { email: { code: 'already_exists', message: 'Un compte utilise déjà cette adresse.' } },
      },
      { statusCode: 401, code: 'invalid_credentials', message: 'E-mail ou mot de passe incorrect.' },
    ] as ApiError[];
    const submission = create(group, (error) => error as ApiError);

    await submission.submit(() => Promise.reject(failures[0]));
    expect(submission.errorOf('email')).toBe('Un compte utilise déjà cette adresse.');
    expect(submission.error()).toBeNull();

    // The field keeps the server's error until it is edited: until then the form is not sent again.
    let sent = 0;
    await submission.submit(async () => void (sent += 1));
    expect(sent).toBe(0);
    group.controls.email.setValue('salma@atlas-conseil.ma');
    await submission.submit(() => Promise.reject(failures[1]));
    expect(submission.error()).toBe('E-mail ou mot de passe incorrect.');
    expect(submission.pending()).toBe(false);
  });

  it('shows nothing when the page has dealt with the failure itself', async () => {
    const group = form();
    group.controls.email.setValue('salma@atlas.ma');
    const submission = create(group, () => null);
    await submission.submit(() => Promise.reject(new Error('link gone')));
    expect(submission.error()).toBeNull();
  });
});
