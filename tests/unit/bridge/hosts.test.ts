import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { allowedHostHeaders, browsableHost, isLoopbackHost, ownOrigins, urlHost } from '../../../bridge/src/hosts.ts';

suite('isLoopbackHost', () => {
  const cases: [string, boolean][] = [
    ['127.0.0.1', true], ['127.1.2.3', true], ['localhost', true], ['LOCALHOST', true], ['::1', true], ['[::1]', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.5', false], ['127.0.0.256', false], ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
  ];
  for (const [host, expected] of cases) test(`${host} → ${expected}`, () => assert.equal(isLoopbackHost(host), expected));
});

suite('allowedHostHeaders', () => {
  test('names the loopback hosts with the port', () => {
    assert.deepEqual([...allowedHostHeaders('127.0.0.1', 3773)].sort(), ['127.0.0.1:3773', '[::1]:3773', 'localhost:3773']);
  });
  test('adds the configured host', () => {
    assert.ok(allowedHostHeaders('192.168.1.5', 80).has('192.168.1.5:80'));
    assert.ok(allowedHostHeaders('192.168.1.5', 80).has('192.168.1.5'), 'port 80 is omitted by browsers');
  });
  test('does not add a wildcard bind', () => assert.ok(!allowedHostHeaders('0.0.0.0', 1).has('0.0.0.0:1')));
  test('own origins are http URLs of the allowed hosts', () => assert.ok(ownOrigins('::1', 9).has('http://[::1]:9')));
});

suite('urlHost / browsableHost', () => {
  test('brackets IPv6', () => assert.equal(urlHost('::1'), '[::1]'));
  test('keeps names', () => assert.equal(urlHost('LocalHost'), 'localhost'));
  test('wildcard binds are opened as 127.0.0.1', () => assert.equal(browsableHost('0.0.0.0'), '127.0.0.1'));
});
