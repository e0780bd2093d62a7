import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reports read: `node_visits`, one row per entry of an instance into a
 * node (visit 1, 2, … for loops), kept by a trigger on `transitions` INSERT so
 * the engine's write path stays as it is; plus the indexes the report queries
 * need. Existing transitions are replayed through the same function once.
 *
 * How a transition row moves visits (see libs/runtime: step-session, node-lifecycle):
 * - `from` set: the open visit of `from` ends at `at` (a parallel node's fan-out
 *   rows find it already closed after the first branch, which is harmless);
 * - `to` set: a visit of `to` starts at `at`, unless one is open (a second
 *   branch arriving at a join waits in the visit the first one opened);
 * - `from = to` with a vote or note (an approval vote, a join's count, an action
 *   retry) is bookkeeping, not a move; a genuine self-loop edge is a move;
 * - `incident` rows leave the node where it is; `cancel` ends every open visit.
 *
 * The function's lookups are by instance (an index); `enable_seqscan = off` on
 * it keeps them there even when the table's statistics are stale — a bulk load
 * into a young table otherwise gets a cached sequential-scan plan (quadratic).
 */
export class ReportRollups1764000500000 implements MigrationInterface {
  name = 'ReportRollups1764000500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE node_visits (
        instance_id uuid NOT NULL REFERENCES instances(id),
        node_id text NOT NULL,
        visit integer NOT NULL,
        entered_at timestamptz NOT NULL,
        left_at timestamptz,
        duration_ms bigint,
        PRIMARY KEY (instance_id, node_id, visit)
      );
      CREATE INDEX node_visits_open_idx ON node_visits (instance_id, node_id) WHERE left_at IS NULL;
      CREATE INDEX node_visits_rework_idx ON node_visits (instance_id) WHERE visit > 1;

      CREATE FUNCTION node_visits_apply(p_instance uuid, p_event text, p_from text, p_to text, p_payload jsonb, p_at timestamptz)
      RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
      BEGIN
        IF p_event = 'incident' THEN
          RETURN;
        END IF;
        IF p_from IS NOT NULL AND p_from = p_to AND coalesce(p_payload->>'kind', '') IN ('vote', 'note') THEN
          RETURN;
        END IF;
        IF p_event = 'cancel' AND p_from IS NULL AND p_to IS NULL THEN
          UPDATE node_visits SET left_at = p_at, duration_ms = round(extract(epoch FROM (p_at - entered_at)) * 1000)::bigint
           WHERE instance_id = p_instance AND left_at IS NULL;
          RETURN;
        END IF;
        IF p_from IS NOT NULL THEN
          UPDATE node_visits SET left_at = p_at, duration_ms = round(extract(epoch FROM (p_at - entered_at)) * 1000)::bigint
           WHERE instance_id = p_instance AND node_id = p_from AND left_at IS NULL;
        END IF;
        IF p_to IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM node_visits WHERE instance_id = p_instance AND node_id = p_to AND left_at IS NULL
        ) THEN
          INSERT INTO node_visits (instance_id, node_id, visit, entered_at)
          SELECT p_instance, p_to, coalesce(max(visit), 0) + 1, p_at FROM node_visits WHERE instance_id = p_instance AND node_id = p_to;
        END IF;
      END
      $fn$;

      CREATE FUNCTION node_visits_on_transition() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM node_visits_apply(NEW.instance_id, NEW.event, NEW.from_node, NEW.to_node, NEW.payload, NEW.at);
        RETURN NULL;
      END
      $fn$;

      CREATE TRIGGER transitions_node_visits AFTER INSERT ON transitions
        FOR EACH ROW EXECUTE FUNCTION node_visits_on_transition();

      DO $replay$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT * FROM transitions ORDER BY instance_id, seq LOOP
          PERFORM node_visits_apply(r.instance_id, r.event, r.from_node, r.to_node, r.payload, r.at);
        END LOOP;
      END
      $replay$;

      CREATE INDEX tickets_created_idx ON tickets (created_at);
      CREATE INDEX tickets_closed_idx ON tickets (closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX tasks_instance_idx ON tasks (instance_id);
      CREATE INDEX approval_votes_user_idx ON approval_votes (user_id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX approval_votes_user_idx, tasks_instance_idx, tickets_closed_idx, tickets_created_idx;
      DROP TRIGGER transitions_node_visits ON transitions;
      DROP FUNCTION node_visits_on_transition();
      DROP FUNCTION node_visits_apply(uuid, text, text, text, jsonb, timestamptz);
      DROP TABLE node_visits; -- with its indexes
    `);
  }
}
