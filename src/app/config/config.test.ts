import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('uses documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('derives the public URL from HOST and PORT when PUBLIC_URL is unset, and says so', () => {
    expect(loadConfig({ PORT: '4102' })).toMatchObject({ publicUrl: 'http://localhost:4102', publicUrlSource: 'HOST and PORT' });
    expect(loadConfig({ PORT: '4102', HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:4102');
    expect(loadConfig({ PORT: '4102', HOST: '::1' }).publicUrl).toBe('http://[::1]:4102');
    expect(loadConfig({ HOST: 'pariscall.internal', PORT: '8080' }).publicUrl).toBe('http://pariscall.internal:8080');
    expect(loadConfig({ PORT: '4102', PUBLIC_URL: 'https://pariscall.example.org/' })).toMatchObject({
      publicUrl: 'https://pariscall.example.org',
      publicUrlSource: 'PUBLIC_URL',
    });
  });

  it('reads values from their environment names', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', TRUST_PROXY: 'true' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h/db', trustProxy: true });
  });

  it('names every bad variable in one error, without echoing a database URL', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@h/db', LOG_LEVEL: 'loud', PUBLIC_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*\(got "eighty"\)/m);
    expect(problems).toMatch(/^DATABASE_URL: must start with postgres:\/\//m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^PUBLIC_URL: must be an absolute URL/m);
    expect(problems).not.toContain('secret');
  });
});
