import { describe, expect, it } from 'vitest';
import { readOrganisationCsv } from './organisation-csv.js';

describe('readOrganisationCsv', () => {
  it('reads one patch per row with lists split on semicolons, changing only the columns present', () => {
    const { rows, errors } = readOrganisationCsv(
      'username,manager,regions\nagent,manager,"east; west"\nrequester,,\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, username: 'agent', patch: { manager: 'manager', regions: ['east', 'west'] } },
      { line: 3, username: 'requester', patch: { manager: null, regions: [] } },
    ]);
  });

  it('reports every bad row by line, user and column', () => {
    const { errors } = readOrganisationCsv(
      'username,groups,skills\nagent,store owners,ok\n,x,\nagent,a;b,\nfinance1,bad;na|me,\n',
    );
    expect(errors).toEqual([
      { line: 3, username: null, field: 'username', message: 'is empty' },
      { line: 4, username: 'agent', field: 'username', message: '"agent" is already on line 2' },
      {
        line: 5,
        username: 'finance1',
        field: 'groups',
        message: '"na|me" is not a name (letters, digits, space, _ . - /)',
      },
    ]);
  });

  it('refuses an unknown column in the header before reading rows', () => {
    const { rows, errors } = readOrganisationCsv('username,password\nagent,x\n');
    expect(rows).toEqual([]);
    expect(errors[0]).toMatchObject({ line: 1, field: 'header' });
    expect(errors[0]?.message).toContain('"password"');
  });

  it('says where the CSV itself is broken', () => {
    const { errors } = readOrganisationCsv('username,manager\nagent,"manager\n');
    expect(errors[0]).toMatchObject({ field: 'csv' });
  });
});
