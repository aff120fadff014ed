// Errors a user can cause carry their exit code and print as one line, never as a stack.

export const EXIT = {
  ok: 0,
  /** `extract check` found differences */
  differences: 1,
  /** bad usage, an input that could not be read, or an output that could not be written */
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
    case 'ENFILE':
      return 'too many open files';
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EIO':
      return 'input/output error (a disk or network problem)';
    case 'EBADF':
      return 'not open for reading';
    case 'ENXIO':
    case 'ENODEV':
      return 'no such device';
    case 'EAGAIN':
      return 'not ready to be read (non-blocking)';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EFBIG':
      return 'file too large for the file system';
    case 'EEXIST':
      return 'already exists';
    default:
      return plainMessage(e);
  }
}

/** Node's "EXDEV: cross-device link not permitted, open 'x'" without the code and the call. */
function plainMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code || !message.startsWith(`${code}: `)) return message;
  return message.slice(code.length + 2).replace(/, \w+( '.*')?$/, '');
}

/** An input that is not read: its message is the reason, said after the input's name. */
export class InputError extends Error {}

/** An output that could not be written, or that it would be wrong to replace. */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}
