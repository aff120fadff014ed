// Errors a user can cause carry their exit code and print as one line, never as a stack.

export const EXIT = {
  ok: 0,
  /** `extract check` found differences */
  differences: 1,
  /** bad usage, or an input that could not be read */
  usage: 2,
} as const;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** What went wrong with one input, in plain words. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EMFILE':
      return 'too many open files';
    default:
      return (e as Error)?.message ?? String(e);
  }
}
