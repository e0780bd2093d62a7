import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each feature folder is a Nest module that declares what it serves and provides (docs/decisions/0009).
const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
const folders = readdirSync(src, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const nestClasses = (folder: string) =>
  files(join(src, folder)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@(?:Injectable|Controller)\([^)]*\)\s*export class (\w+)/g)].map(
      (match) => match[1] as string,
    ),
  );

describe('a module per feature', () => {
  it.each(folders.filter((folder) => nestClasses(folder).length > 0))(
    '%s declares every controller and provider it holds in its module, and AppModule imports it',
    (folder) => {
      const modulePath = join(src, folder, `${folder}.module.ts`);
      expect(existsSync(modulePath), `${folder}/${folder}.module.ts`).toBe(true);
      const module = readFileSync(modulePath, 'utf8');
      // Guards registered globally (APP_GUARD in AppModule) are the one exception.
      const appModule = readFileSync(join(src, 'app.module.ts'), 'utf8');
      for (const name of nestClasses(folder)) {
        expect(module.includes(name) || appModule.includes(name), `${name} in ${folder}.module.ts`).toBe(
          true,
        );
      }
      if (folder !== 'config') expect(appModule).toContain(`./${folder}/${folder}.module.js`);
    },
  );

  it('no file groups wiring by issue any more', () => {
    expect(existsSync(join(src, 'features.ts'))).toBe(false);
  });
});
