import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { isJsonText } from '../../../bridge/src/json-scan.ts';

function parses(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

suite('isJsonText', () => {
  const cases: [string, boolean][] = [
    ['{}', true], ['[]', true], ['0', true], ['-0.5e+10', true], ['"a\\u00e9\\n"', true], [' \t\r\n{"a" : [ 1 , true , null , false ] }\n', true],
    ['', false], [' ', false], ['{', false], ['{"a":1,}', false], ['[1,]', false], ['01', false], ['1.', false], ['.5', false], ['1e', false],
    ['+1', false], ['"\\x"', false], ['"\\u12g4"', false], ['"a\nb"', false], ['"a\tb"', false], ["'a'", false], ['tru', false], ['nul', false],
    ['{"a":1} {"b":2}', false], ['{"a" 1}', false], ['{1:2}', false], ['[1 2]', false], ['\ufeff{}', false], ['NaN', false], ['{"a":1}}', false],
  ];
  for (const [text, ok] of cases) {
    test(`${JSON.stringify(text)} → ${ok}, as JSON.parse`, () => {
      assert.equal(isJsonText(Buffer.from(text)), ok);
      assert.equal(parses(Buffer.from(text)), ok);
    });
  }

  test('objectOnly refuses every other value', () => {
    assert.equal(isJsonText(Buffer.from(' {"a":[]} '), 0, 10, true), true);
    for (const t of ['[]', '"{}"', '1', 'null']) assert.equal(isJsonText(Buffer.from(t), 0, t.length, true), false);
  });

  test('checks only the given range', () => {
    const b = Buffer.from('xx{"a":1}yy');
    assert.equal(isJsonText(b, 2, 9), true);
    assert.equal(isJsonText(b, 2, 8), false);
    assert.equal(isJsonText(b, 1, 9), false);
  });

  test('deep nesting needs no recursion', () => {
    assert.equal(isJsonText(Buffer.from('['.repeat(100_000) + '{"a":'.repeat(1000) + '1' + '}'.repeat(1000) + ']'.repeat(100_000))), true);
    assert.equal(isJsonText(Buffer.from('['.repeat(100_000) + ']'.repeat(99_999))), false);
  });

  test('agrees with JSON.parse on 100,000 mutated texts', () => {
    const seeds = [
      '{"id":1,"result":{"a":[1,2,{"b":null}],"c":"x\\n\\u00e9\\"","d":-0.5e+10,"e":true,"f":false}}',
      '[]', '{}', '"s"', '0', '-1.2E3', ' [ 1 , 2 ] ', '{"a":{"b":{"c":[[[]]]}}}', '"\\ud800"', 'é',
    ];
    const alphabet = '{}[]",:\\ 0123456789-+.eEtrufalsn\n\t\rxu\u0001é';
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let k = 0; k < 100_000; k++) {
      let s = seeds[next() % seeds.length] ?? '';
      for (let m = next() % 4; m > 0; m--) {
        const at = next() % (s.length + 1);
        const ch = alphabet[next() % alphabet.length] ?? ' ';
        const op = next() % 3;
        s = op === 0 ? s.slice(0, at) + ch + s.slice(at) : op === 1 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + ch + s.slice(at + 1);
      }
      const bytes = Buffer.from(s);
      assert.equal(isJsonText(bytes), parses(bytes), JSON.stringify(s));
    }
  });
});
