import { describe, expect, it } from 'vitest';
import { channels } from './contract';

const add = (baseUrl: string) =>
  channels['profiles:add'].input.safeParse({ name: 'x', server: 'custom', baseUrl }).success;

describe('custom servers', () => {
  it('accept https anywhere', () => {
    expect(add('https://api.example.com/v1')).toBe(true);
    expect(add('https://10.0.0.5:8443/v1')).toBe(true);
  });

  it('accept plain http on this machine only', () => {
    for (const url of [
      'http://127.0.0.1:4010/v1',
      'http://localhost:4010/v1',
      'http://[::1]:4010/v1',
    ])
      expect(add(url)).toBe(true);
    for (const url of [
      'http://api.example.com/v1',
      'http://10.0.0.5/v1',
      'http://127.0.0.1.evil.example/v1',
      'http://localhost.evil.example/v1',
      'http://evil.example/?127.0.0.1',
    ])
      expect(add(url)).toBe(false);
  });

  it('refuse other schemes and non-URLs', () => {
    for (const url of [
      'ftp://127.0.0.1/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'api.example.com',
      '',
    ])
      expect(add(url)).toBe(false);
  });
});
