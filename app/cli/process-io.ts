/**
 * The CLI's stdout and stderr over this process's streams: a write resolves once the OS has
 * the text, so the host may exit right after (pipes are asynchronous on macOS and Windows).
 * A reader that went away (`mwtokens list | head -1`) ends nothing but the writing.
 */
export interface CliStreams {
  stdout: (text: string) => Promise<void>;
  stderr: (text: string) => Promise<void>;
}

export function processStreams(): CliStreams {
  return { stdout: writer(process.stdout), stderr: writer(process.stderr) };
}

function writer(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  // EPIPE and the like: the reader is gone, there is nobody left to tell.
  stream.on('error', () => undefined);
  return (text) =>
    new Promise((resolve) => {
      if (stream.destroyed) {
        resolve();
        return;
      }
      stream.write(text, () => resolve());
    });
}
