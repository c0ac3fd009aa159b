import { FormControl } from '@angular/forms';
import { emailAddress, newPassword } from './validators';

describe('form validators', () => {
  it('checks e-mail addresses with the domain rule', () => {
    expect(emailAddress(new FormControl('salma@atlas'))).toEqual({ email: true });
    expect(emailAddress(new FormControl('salma@atlas-conseil.ma'))).toBeNull();
    expect(emailAddress(new FormControl('  Salma@Atlas.MA '))).toBeNull();
    expect(emailAddress(new FormControl('a@b.ma, c@d.ma'))).toEqual({ email: true });
    expect(emailAddress(new FormControl(''))).toBeNull();
  });

  it('checks new passwords with the shared rules', () => {
    expect(newPassword(new FormControl('short'))).toEqual({ passwordLength: { min: 10 } });
    expect(newPassword(new FormControl('zzzzzzzzzzzz'))).toEqual({ passwordRepeated: true });
    expect(newPassword(new FormControl('Atlas-Conseil-2026'))).toBeNull();
    expect(newPassword(new FormControl(''))).toBeNull();
  });
});
