import { describe, expect, it } from '@jest/globals';
import { DEFAULT_API_URL, DEFAULT_WEB_PORT, loadWebConfig } from './config.js';

describe(loadWebConfig.name, () => {
  it('defaults to port 3001 on loopback, reading the API at 127.0.0.1:3000', () => {
    expect(loadWebConfig({})).toEqual({
      port: DEFAULT_WEB_PORT,
      host: '127.0.0.1',
      apiUrl: DEFAULT_API_URL,
    });
    expect(DEFAULT_WEB_PORT).toBe(3001);
    expect(DEFAULT_API_URL).toBe('http://127.0.0.1:3000');
  });

  it('reads WEB_PORT, HOST and API_URL (without a trailing slash)', () => {
    expect(
      loadWebConfig({ WEB_PORT: '8080', HOST: '0.0.0.0', API_URL: 'https://api.example.org/' }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      apiUrl: 'https://api.example.org',
    });
  });

  it('names every wrong variable', () => {
    expect(() => loadWebConfig({ WEB_PORT: 'eighty', API_URL: 'ftp://x' })).toThrow(
      /WEB_PORT must be a port number[\s\S]*API_URL must be an http\(s\) URL/,
    );
  });
});
