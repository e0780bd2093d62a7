import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture is enforced by lint (docs/architecture.md, "Layers"); this proves the rules bite.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function errors(file: string, code: string, rule = 'no-restricted-imports'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const importErrors = (file: string, code: string) => errors(file, code);

describe('dependency rules', () => {
  it.each([
    ["import { Injectable } from '@nestjs/common';", /Pure libs must not import frameworks/],
    ["import { Entity } from 'typeorm';", /Pure libs must not import frameworks/],
    ["import pg from 'pg';", /Pure libs must not import frameworks/],
    ["import { useState } from 'react';", /Pure libs must not import frameworks/],
    ["import { readFileSync } from 'node:fs';", /no node:\* modules/],
    ["import { readFileSync } from 'fs';", /no Node built-ins/],
    ["import { createApp } from '@ticketflow/api';", /Libs never import apps/],
  ])('rejects `%s` in a pure lib', async (code, message) => {
    const found = await importErrors('libs/rules/src/example.ts', `${code}\nexport {};\n`);
    expect(found.join('\n')).toMatch(message);
  });

  it('accepts a pure lib importing a lib below it and xstate', async () => {
    expect(
      await importErrors(
        'libs/runtime/src/example.ts',
        "import { createActor } from 'xstate';\nimport { chooseBranch } from '@ticketflow/rules';\nexport { createActor, chooseBranch };\n",
      ),
    ).toEqual([]);
  });

  it.each([
    ['libs/definition/src/example.ts', '@ticketflow/rules'],
    ['libs/definition/src/example.ts', '@ticketflow/runtime'],
    ['libs/rules/src/example.ts', '@ticketflow/compiler'],
    ['libs/compiler/src/example.ts', '@ticketflow/runtime'],
    ['libs/compiler/src/nested/example.ts', '../../../runtime/src/step.js'],
  ])('rejects %s importing %s, a lib above it', async (file, from) => {
    const found = await importErrors(file, `import * as lib from '${from}';\nexport { lib };\n`);
    expect(found.join('\n')).toMatch(/may import only the libs below it/);
  });

  it('keeps the api and the web app apart', async () => {
    expect(
      (
        await importErrors('apps/api/src/example.ts', "import x from '@ticketflow/web';\nexport { x };\n")
      ).join(),
    ).toMatch(/never imports the web app/);
    expect(
      (
        await importErrors('apps/web/src/example.ts', "import x from '@ticketflow/api';\nexport { x };\n")
      ).join(),
    ).toMatch(/never imports the api/);
  });

  it('allows only the index of a lib', async () => {
    expect(
      (
        await importErrors(
          'apps/api/src/example.ts',
          "import x from '@ticketflow/runtime/src/step.js';\nexport { x };\n",
        )
      ).join(),
    ).toMatch(/through its index only/);
  });
});

describe('the bench, the CLI and the browser tests use public entry points', () => {
  it.each([
    ['apps/bench/src/example.mjs', '../../api/dist/tasks/tasks.service.js'],
    ['apps/bench/src/suites/example.mjs', '../../../api/dist/reports/sla-report.js'],
    ['apps/cli/test/example.test.ts', '../../api/test/test-app.js'],
    ['apps/cli/src/example.ts', '@ticketflow/api/src/index.js'],
    ['apps/e2e/src/example.ts', '../../web/src/i18n/en.js'],
    ['apps/e2e/src/example.ts', '../../../libs/runtime/src/step.js'],
  ])('rejects %s importing %s', async (file, from) => {
    const found = await importErrors(file, `import * as deep from '${from}';\nexport { deep };\n`);
    expect(found.join('\n')).toMatch(/Use a public entry point|through its index only/);
  });

  it('accepts the api entry point, its testing entry point and the libs by name', async () => {
    const code =
      "import { createApp } from '@ticketflow/api';\nimport { startTestApp } from '@ticketflow/api/testing';\n" +
      "import { step } from '@ticketflow/runtime';\nexport { createApp, startTestApp, step };\n";
    expect(await importErrors('apps/cli/test/example.test.ts', code)).toEqual([]);
  });

  it('rejects a module loaded by a computed path', async () => {
    const code =
      "const dir = 'apps/api/dist';\nexport const load = () => import(`${dir}/tasks/tasks.service.js`);\n";
    expect((await errors('apps/bench/src/example.mjs', code, 'no-restricted-syntax')).join()).toMatch(
      /not by a computed path/,
    );
  });
});

describe('React hooks and accessibility rules in the web app', () => {
  it('rejects a hook called under a condition', async () => {
    const code = [
      "import { useState } from 'react';",
      'export function Counter({ on }: { on: boolean }) {',
      '  if (on) {',
      '    const [n] = useState(0);',
      '    return <p>{n}</p>;',
      '  }',
      '  return null;',
      '}',
      '',
    ].join('\n');
    expect((await errors('apps/web/src/example.tsx', code, 'react-hooks/rules-of-hooks')).join()).toMatch(
      /called conditionally/,
    );
  });

  it('rejects an effect that leaves out what it reads', async () => {
    const code = [
      "import { useEffect } from 'react';",
      'export function Title({ text }: { text: string }) {',
      '  useEffect(() => {',
      '    document.title = text;',
      '  }, []);',
      '  return null;',
      '}',
      '',
    ].join('\n');
    expect((await errors('apps/web/src/example.tsx', code, 'react-hooks/exhaustive-deps')).join()).toMatch(
      /missing dependency: 'text'/,
    );
  });

  it('rejects a clickable element the keyboard cannot reach and an image without text', async () => {
    const code = [
      'export function Card({ onOpen }: { onOpen: () => void }) {',
      '  return <div onClick={onOpen}><img src="x.png" /></div>;',
      '}',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: resolve(root, 'apps/web/src/example.tsx') });
    const rules = new Set((result?.messages ?? []).map((m) => m.ruleId));
    expect(rules).toContain('jsx-a11y/click-events-have-key-events');
    expect(rules).toContain('jsx-a11y/alt-text');
  });
});
