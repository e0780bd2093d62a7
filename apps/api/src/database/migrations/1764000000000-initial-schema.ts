import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: every table of the data model (docs/architecture.md), with the indexes the inbox, ticket pages and workers need. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE roles (
        name text PRIMARY KEY,
        label text NOT NULL
      );
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        region text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX users_roles_idx ON users USING gin (roles);
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_user_id uuid NOT NULL REFERENCES users(id),
        to_user_id uuid NOT NULL REFERENCES users(id),
        starts_at timestamptz NOT NULL DEFAULT now(),
        ends_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_user_id <> to_user_id)
      );
      CREATE INDEX delegations_to_idx ON delegations (to_user_id);
      CREATE TABLE workflow_definitions (
        key text PRIMARY KEY,
        name text NOT NULL,
        definition jsonb NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE workflow_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        checksum text NOT NULL,
        published_by uuid REFERENCES users(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        note text,
        deprecated_at timestamptz,
        UNIQUE (key, version)
      );
      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigserial UNIQUE,
        workflow_key text NOT NULL,
        title text NOT NULL,
        fields jsonb NOT NULL DEFAULT '{}',
        priority text NOT NULL DEFAULT 'normal',
        channel text NOT NULL DEFAULT 'web',
        requester_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'active',
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      );
      CREATE INDEX tickets_requester_idx ON tickets (requester_id, created_at DESC);
      CREATE INDEX tickets_workflow_idx ON tickets (workflow_key, created_at DESC);
      CREATE TABLE instances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL UNIQUE REFERENCES tickets(id),
        version_id uuid NOT NULL REFERENCES workflow_versions(id),
        snapshot jsonb NOT NULL,
        status text NOT NULL,
        active_nodes text[] NOT NULL DEFAULT '{}',
        seq integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX instances_version_idx ON instances (version_id, status);
      CREATE TABLE transitions (
        instance_id uuid NOT NULL REFERENCES instances(id),
        seq integer NOT NULL,
        event text NOT NULL,
        from_node text,
        to_node text,
        actor_id uuid REFERENCES users(id),
        payload jsonb,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (instance_id, seq)
      );
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES instances(id),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        task_key text NOT NULL,
        node_id text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        candidate_role text,
        candidate_users uuid[] NOT NULL DEFAULT '{}',
        assignee_id uuid REFERENCES users(id),
        policy jsonb,
        outcomes text[] NOT NULL DEFAULT '{}',
        form jsonb,
        allow_requester boolean NOT NULL DEFAULT false,
        due_at timestamptz,
        outcome text,
        comment text,
        completed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (instance_id, task_key)
      );
      CREATE INDEX tasks_open_role_idx ON tasks (candidate_role, due_at) WHERE status = 'open';
      CREATE INDEX tasks_open_assignee_idx ON tasks (assignee_id, due_at) WHERE status = 'open';
      CREATE INDEX tasks_open_users_idx ON tasks USING gin (candidate_users) WHERE status = 'open';
      CREATE INDEX tasks_ticket_idx ON tasks (ticket_id);
      CREATE TABLE approval_votes (
        task_id uuid NOT NULL REFERENCES tasks(id),
        user_id uuid NOT NULL REFERENCES users(id),
        decision text NOT NULL,
        comment text,
        on_behalf_of uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, user_id)
      );
      CREATE TABLE timers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES instances(id),
        timer_key text NOT NULL,
        node_id text NOT NULL,
        purpose text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled',
        fired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (instance_id, timer_key)
      );
      CREATE INDEX timers_due_idx ON timers (due_at) WHERE status = 'scheduled';
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES instances(id),
        action_key text NOT NULL,
        node_id text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        UNIQUE (instance_id, action_key)
      );
      CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE status = 'pending';
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES instances(id),
        node_id text,
        code text NOT NULL,
        message text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id)
      );
      CREATE INDEX incidents_open_idx ON incidents (created_at) WHERE status = 'open';
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        object_type text NOT NULL,
        object_id text NOT NULL,
        details jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status_code integer NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );
      CREATE TABLE app_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE app_settings, idempotency_keys, audit_log, incidents, outbox, timers, approval_votes, tasks,
        transitions, instances, tickets, workflow_versions, workflow_definitions, delegations, users, roles;
    `);
  }
}
