/** What a command may touch: output streams and stdin, injectable for tests. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  stdin(): Promise<Buffer>;
  isTTY: boolean;
}

export interface CommandModule {
  help: string;
  run(argv: string[], io: Io): Promise<number>;
}

export function processIo(): Io {
  return {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** An Io that records output, for tests. */
export function memoryIo(stdin = ''): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(s: string) {
      io.stdout += s;
    },
    err(s: string) {
      io.stderr += s;
    },
    stdin: async () => Buffer.from(stdin, 'utf8'),
    isTTY: false,
  };
  return io;
}
