import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './embedded-postgres';

describe('lockDataDir', () => {
  it('refuses a data folder held by a live process, and frees it on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-lock-'));
    const lockFile = join(dir, 'passerelle.pid');
    // Pretend the parent process (alive, not us) holds it.
    writeFileSync(lockFile, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/is in use by another Passerelle process/);

    writeFileSync(lockFile, '');
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over the lock of a process that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-lock-'));
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(join(dir, 'passerelle.pid'), gone);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'passerelle.pid'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
