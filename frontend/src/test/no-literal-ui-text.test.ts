import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import local from '../../eslint/no-literal-ui-text.js';

function lint(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.tsx'],
        languageOptions: {
          parser: tseslint.parser as Linter.Parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        plugins: { local },
        rules: { 'local/no-literal-ui-text': 'error' },
      },
    ],
    'x.tsx',
  );
  return messages.map((m) => m.message);
}

describe('the no-literal-ui-text lint rule', () => {
  it('fails on literal JSX text and literal labels', () => {
    expect(lint('const a = <p>Lagre</p>;')).toHaveLength(1);
    expect(lint('const a = <input aria-label="Søk" />;')).toHaveLength(1);
    expect(lint('const a = <X label={"Navn"} />;')).toHaveLength(1);
    expect(lint('const a = <p>{"Hei"}</p>;')).toHaveLength(1);
  });

  it('allows translated text, punctuation and non-text attributes', () => {
    expect(lint('const a = <p>{t("form.save")}</p>;')).toEqual([]);
    expect(lint('const a = <p> – {x}</p>;')).toEqual([]);
    expect(lint('const a = <X data-color="danger" variant="primary" id="a-b" />;')).toEqual([]);
  });
});
