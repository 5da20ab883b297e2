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
  return { stream: stream as unknown as NodeJS.WriteStream, finished };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('processStreams', () => {
  it('stdout and stderr each resolve once their own stream has the text', async () => {
    const out = slowStream();
    const err = slowStream();
    vi.spyOn(process, 'stdout', 'get').mockReturnValue(out.stream);
    vi.spyOn(process, 'stderr', 'get').mockReturnValue(err.stream);
    const streams = processStreams();
    await streams.stdout('the output\n');
    expect(out.finished).toEqual(['the output\n']);
    await streams.stderr('a message\n');
    expect(err.finished).toEqual(['a message\n']);
    expect(out.finished).toEqual(['the output\n']);
  });

  it('a reader gone away (EPIPE) throws nothing, and a destroyed stream resolves unwritten', async () => {
    const out = slowStream();
    vi.spyOn(process, 'stdout', 'get').mockReturnValue(out.stream);
    vi.spyOn(process, 'stderr', 'get').mockReturnValue(slowStream().stream);
    const streams = processStreams();
    expect(() =>
      out.stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
    ).not.toThrow();
    out.stream.destroy();
    await expect(streams.stdout('too late\n')).resolves.toBeUndefined();
    expect(out.finished).toEqual([]);
  });
});
