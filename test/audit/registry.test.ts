import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY, resolveRegistry } from '../../src/audit/registry.js';
import type { Logger } from '../../src/core/logger.js';
import { tempDir } from '../helpers/temp.js';

function recordingLogger(): Logger & { secrets: string[] } {
  const secrets: string[] = [];
  return { info() {}, warning() {}, debug() {}, secret: (value) => secrets.push(value), secrets };
}

describe('resolveRegistry', () => {
  it('takes the setting over the project .npmrc, the .npmrc over the user npmrc, and falls back to the default', () => {
    const user = tempDir({ npmrc: 'registry=https://user.example.com/npm\n' });
    const env = { NPM_CONFIG_USERCONFIG: path.join(user, 'npmrc') };
    const project = tempDir({ '.npmrc': '# comment\nregistry = "https://project.example.com/"\n' });
    expect(resolveRegistry('http://127.0.0.1:4873', project, env, recordingLogger())).toEqual({ url: 'http://127.0.0.1:4873/', source: 'the registry setting' });
    expect(resolveRegistry(undefined, project, env, recordingLogger())).toEqual({ url: 'https://project.example.com/', source: '.npmrc' });
    expect(resolveRegistry(undefined, tempDir(), env, recordingLogger())).toEqual({ url: 'https://user.example.com/npm/', source: path.join(user, 'npmrc') });
    expect(resolveRegistry(undefined, tempDir(), {}, recordingLogger())).toEqual({ url: DEFAULT_REGISTRY, source: 'the default' });
  });

  it('finds a token by the registry path, walking up to the host, and registers it as a secret', () => {
    const cwd = tempDir({ '.npmrc': 'registry=https://npm.example.com/org/npm/\n//other.example.com/:_authToken=not-this-one\n//npm.example.com/org/:_authToken=${NPM_TOKEN}\n' });
    const log = recordingLogger();
    expect(resolveRegistry(undefined, cwd, { NPM_TOKEN: 'tok_1234567890' }, log).authorization).toBe('Bearer tok_1234567890');
    expect(log.secrets).toEqual(['tok_1234567890']);
  });

  it('reads _auth and username/_password as basic auth', () => {
    const auth = tempDir({ '.npmrc': 'registry=https://npm.example.com/\n//npm.example.com/:_auth=dXNlcjpwYXNz\n' });
    expect(resolveRegistry(undefined, auth, {}, recordingLogger()).authorization).toBe('Basic dXNlcjpwYXNz');
    const password = Buffer.from('s3cret-pass').toString('base64');
    const split = tempDir({ '.npmrc': `registry=https://npm.example.com/\n//npm.example.com/:username=ci\n//npm.example.com/:_password=${password}\n` });
    expect(resolveRegistry(undefined, split, {}, recordingLogger()).authorization).toBe(`Basic ${Buffer.from('ci:s3cret-pass').toString('base64')}`);
  });

  it('turns credentials in the registry URL into basic auth and keeps them out of the URL', () => {
    const log = recordingLogger();
    expect(resolveRegistry('https://ci:p%40ss-word-1@npm.example.com/npm/', tempDir(), {}, log)).toEqual({
      url: 'https://npm.example.com/npm/',
      source: 'the registry setting',
      authorization: `Basic ${Buffer.from('ci:p@ss-word-1').toString('base64')}`,
    });
    expect(log.secrets).toContain('p@ss-word-1');
  });

  it('needs ${VAR} set only where it is used, and lets ${VAR?} be empty', () => {
    const cwd = tempDir({ '.npmrc': '//elsewhere.example.com/:_authToken=${UNRELATED}\n//npm.example.com/:_authToken=${NPM_TOKEN?}\n' });
    expect(resolveRegistry('https://npm.example.com/', cwd, {}, recordingLogger())).toEqual({ url: 'https://npm.example.com/', source: 'the registry setting' });
    const strict = tempDir({ '.npmrc': '//npm.example.com/:_authToken=${NPM_TOKEN}\n' });
    expect(() => resolveRegistry('https://npm.example.com/', strict, {}, recordingLogger())).toThrow('.npmrc uses ${NPM_TOKEN} but it is not set');
  });

  it('rejects a registry that is not an http(s) URL', () => {
    expect(() => resolveRegistry('ftp://npm.example.com/', tempDir(), {}, recordingLogger())).toThrow('registry: "ftp://npm.example.com/" from the registry setting is not an http(s) URL');
    const cwd = tempDir({ '.npmrc': 'registry=npm.example.com\n' });
    expect(() => resolveRegistry(undefined, cwd, {}, recordingLogger())).toThrow('registry: "npm.example.com" from .npmrc is not a URL');
  });
});
