import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture is enforced by lint (STYLE.md rule 2); this proves the rules bite.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

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
    const errors = await importErrors('libs/rules/src/example.ts', `${code}\nexport {};\n`);
    expect(errors.join('\n')).toMatch(message);
  });

  it('accepts a pure lib importing another lib and xstate', async () => {
    expect(
      await importErrors(
        'libs/runtime/src/example.ts',
        "import { createActor } from 'xstate';\nimport { chooseBranch } from '@ticketflow/rules';\nexport { createActor, chooseBranch };\n",
      ),
    ).toEqual([]);
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
