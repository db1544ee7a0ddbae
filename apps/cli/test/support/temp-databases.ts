import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach } from 'vitest';

/** Fresh temporary directories for database files and backups, removed after each test. */
export function useTempDirectories(): () => TempDirectory {
  const directories: TempDirectory[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) directory.remove();
  });
  return () => {
    const directory = createTempDirectory('slm-cli-');
    directories.push(directory);
    return directory;
  };
}
