import { describe, expect, it } from 'vitest';
import { fakeIo } from '../test/fake-io.js';
import { run } from './main.js';

describe('ticketflow (argument handling)', () => {
  it('prints the command list for --help and exits 0; without a command it exits 2', async () => {
    const help = fakeIo();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.text()).toContain('validate <file…>');
    expect(await run([], fakeIo().io)).toBe(2);
  });

  it("prints each command's help", async () => {
    for (const command of ['validate', 'test', 'diff', 'push', 'publish']) {
      const fake = fakeIo();
      expect(await run([command, '--help'], fake.io)).toBe(0);
      expect(fake.text()).toContain(`Usage: ticketflow ${command}`);
    }
  });

  it('refuses unknown commands, unknown options and missing arguments with exit 2 and the usage', async () => {
    const unknown = fakeIo();
    expect(await run(['deploy'], unknown.io)).toBe(2);
    expect(unknown.errors()).toContain('unknown command "deploy"');
    const option = fakeIo();
    expect(await run(['validate', '--fast', 'a.json'], option.io)).toBe(2);
    expect(option.errors()).toContain("Unknown option '--fast'");
    const missing = fakeIo();
    expect(await run(['diff', 'a.json'], missing.io)).toBe(2);
    expect(missing.errors()).toContain('name exactly two definition files');
  });
});
