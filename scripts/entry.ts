import path from 'node:path';

/** True when `file` is the script node/tsx was started with (CLI mode), false when imported. */
export const isEntry = (file: string): boolean =>
  path.resolve(process.argv[1] ?? '').replace(/\.ts$/, '') === file.replace(/\.ts$/, '');
