// Bulk copies of one real ticket (with its instance, tasks, timers, transitions, SLA clocks) by SQL.

// Tables copied, in foreign-key order; `where` selects the source's rows; `id` is the new primary key (else the default).
const TABLES = [
  { table: 'tickets', where: 'src.id = $1', id: 'p.ticket_id' },
  { table: 'instances', where: 'src.ticket_id = $1', id: 'p.instance_id' },
  { table: 'tasks', where: 'src.ticket_id = $1' },
  { table: 'timers', where: 'src.instance_id = (SELECT id FROM instances WHERE ticket_id = $1)' },
  { table: 'sla_clocks', where: 'src.ticket_id = $1' },
  // node_visits rows come from the transitions trigger, as they do for the engine's own inserts.
  { table: 'transitions', where: 'src.instance_id = (SELECT id FROM instances WHERE ticket_id = $1)' },
];

/**
 * Copies the ticket `sourceTicketId` `count` times with INSERT … SELECT
 * generate_series: new ticket and instance ids, every other column as in the
 * source, so each copy is a consistent ticket waiting where the source waits
 * (its open task can be decided, its timer can fire). Side effect: rows in
 * the database; returns the new ticket ids' count. Batches of 25,000.
 */
export async function cloneTicket(pool, sourceTicketId, count) {
  const columns = await tableColumns(pool);
  await pool.query(
    'CREATE UNLOGGED TABLE IF NOT EXISTS bench_clone (g int, ticket_id uuid, instance_id uuid)',
  );
  for (let done = 0; done < count; done += 25_000) {
    const batch = Math.min(25_000, count - done);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('TRUNCATE bench_clone');
      await client.query(
        'INSERT INTO bench_clone SELECT g, gen_random_uuid(), gen_random_uuid() FROM generate_series(1, $1::int) g',
        [batch],
      );
      for (const { table, where, id } of TABLES) {
        const cols = columns.get(table).filter((column) => !column.serial && (column.name !== 'id' || id));
        const values = cols.map(({ name }) =>
          name === 'id'
            ? id
            : name === 'ticket_id'
              ? 'p.ticket_id'
              : name === 'instance_id'
                ? 'p.instance_id'
                : `src.${name}`,
        );
        await client.query(
          `INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) SELECT ${values.join(', ')} FROM ${table} src CROSS JOIN bench_clone p WHERE ${where} ORDER BY p.g`,
          [sourceTicketId],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  await pool.query('DROP TABLE bench_clone');
  await pool.query('ANALYZE');
  return count;
}

async function tableColumns(pool) {
  const { rows } = await pool.query(
    `SELECT table_name, column_name, coalesce(column_default LIKE 'nextval%', false) OR is_identity = 'YES' AS serial
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position`,
  );
  const map = new Map();
  for (const row of rows) {
    if (!map.has(row.table_name)) map.set(row.table_name, []);
    map.get(row.table_name).push({ name: row.column_name, serial: row.serial });
  }
  return map;
}
