/**
 * The CLI's writers over this process's streams (swapped for test streams here): a write
 * resolves only once the stream took the text, and a reader that went away ends nothing.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processStreams } from './process-io';

/** A stream that finishes each write a turn later, and records what was finished. */
function slowStream() {
  const finished: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      setImmediate(() => {
        finished.push(chunk.toString('utf8'));
        callback();
      });
    },
  });
  return { stream, finished };
}

/** Makes this process's stdout and stderr the given test streams. */
function swapStreams(stdout: Writable, stderr: Writable): void {
  vi.spyOn(process, 'stdout', 'get').mockReturnValue(stdout as typeof process.stdout);
  vi.spyOn(process, 'stderr', 'get').mockReturnValue(stderr as typeof process.stderr);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('processStreams', () => {
  it('stdout and stderr each resolve once their own stream has the text', async () => {
    const out = slowStream();
    const err = slowStream();
    swapStreams(out.stream, err.stream);
    const streams = processStreams();
    await streams.stdout('the output\n');
    expect(out.finished).toEqual(['the output\n']);
    await streams.stderr('a message\n');
    expect(err.finished).toEqual(['a message\n']);
    expect(out.finished).toEqual(['the output\n']);
  });

  it('a reader gone away (EPIPE) throws nothing, and a destroyed stream resolves unwritten', async () => {
    const out = slowStream();
    swapStreams(out.stream, slowStream().stream);
    const streams = processStreams();
    expect(() =>
      out.stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
    ).not.toThrow();
    out.stream.destroy();
    await expect(streams.stdout('too late\n')).resolves.toBeUndefined();
    expect(out.finished).toEqual([]);
  });
});
