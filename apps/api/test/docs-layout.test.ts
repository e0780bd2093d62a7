import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's layout and docs/architecture.md describe the tree as it is, and nothing points
// outside the repository.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const projects = ['apps', 'libs'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${group}/${entry.name}`),
);

/** The first word of every line of the first fenced block after `heading`. */
function layoutPaths(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(heading));
  const block = section.slice(section.indexOf('```') + 3);
  return block
    .slice(block.indexOf('\n') + 1, block.indexOf('```'))
    .split('\n')
    .map((line) => line.split(/\s+/)[0]!.replace(/,$/, ''))
    .filter(Boolean);
}

describe('the documented layout', () => {
  it.each([
    ['README.md', '## Layout'],
    ['docs/architecture.md', '## Where things live'],
  ])('%s names only paths that exist and every app and lib', (file, heading) => {
    const paths = layoutPaths(read(file), heading);
    for (const path of paths) expect(existsSync(join(root, path.replace('libs/*', 'libs'))), path).toBe(true);
    for (const project of projects) {
      expect(
        paths.some((path) => path === project || path === `${project.split('/')[0]}/*`),
        project,
      ).toBe(true);
    }
  });

  it('links only to documents inside the repository', () => {
    for (const file of ['README.md', 'docs/architecture.md', 'docs/style.md', 'apps/api/README.md']) {
      expect(read(file), file).not.toMatch(/\.\.\/shared\/|DESIGN\.md|STYLE\.md|STACK\.md/);
    }
  });

  it('lists every decision record in the index', () => {
    const index = read('docs/decisions/README.md');
    for (const file of readdirSync(join(root, 'docs/decisions')).filter((f) => /^\d{4}-/.test(f))) {
      expect(index, file).toContain(`(${file})`);
    }
  });
});
