import { describe, expect, it } from 'vitest';
import { isTypesOnly } from './mutation-scope';

describe('isTypesOnly', () => {
  it('knows a module of interfaces, type aliases and type imports has nothing to mutate', () => {
    const source = `/** Doc. */\nimport type { A } from './a';\nexport interface B { a: A }\nexport type C = B | undefined;\n`;
    expect(isTypesOnly(source)).toBe(true);
  });

  it('knows a module with any value, class or statement has', () => {
    expect(isTypesOnly(`export type A = number;\nexport const a: A = 1;\n`)).toBe(false);
    expect(isTypesOnly(`export class A {}\n`)).toBe(false);
    expect(isTypesOnly(`export enum E { A }\n`)).toBe(false);
    expect(isTypesOnly(`console.log('x');\n`)).toBe(false);
    // A value import is kept for its side effects only when written bare.
    expect(isTypesOnly(`import './side-effect';\n`)).toBe(false);
  });
});
