/** Help texts, one per command (`ticketflow <command> --help`). */
export const HELP: Record<string, string> = {
  main: `ticketflow — workflows as code for Ticketflow

Usage: ticketflow <command> [options]

Commands:
  validate <file…>                       check definitions as the server does
  test <scenarios-file…>                 run scenario files offline (fields + events → path and outcome)
  diff <a.json> <b.json>                 what changed between two definitions, in words
  push <file> --server URL --token T     save a definition as the draft of its workflow
  publish <key> --server URL --token T   publish a workflow's draft as its next version

Run "ticketflow <command> --help" for a command's options.
Exit codes: 0 fine, 1 problems found (invalid, failing, different, refused), 2 wrong usage or unreadable input.`,

  validate: `Usage: ticketflow validate <file…>

Runs validateDefinition (the checks the Designer and the server run) on each
workflow definition and prints its problems with code, severity and the node or
edge they concern. Exits 1 when any file has an error (warnings do not fail).

Example: ticketflow validate workflows/*.json`,

  test: `Usage: ticketflow test <scenarios-file…> [--definition <file>]

Runs each scenario of a scenarios file through the workflow offline (the pure
runtime's simulate: no server, no database). A scenario gives the ticket's
fields and events addressed by node id (task outcomes, approved / rejected,
timeout, received, ok / failed for HTTP actions and messages) and what to
expect (path, tasks, status, outcome, activeNodes, timers, messages, fields,
branch). Failures print expected and actual side by side. Exits 1 on any failure.

The workflow is <workflow>.json beside the scenarios file unless --definition
names it. The format is described in workflows/README.md.

Options:
  --definition <file>   the workflow definition to test (one scenarios file only)

Example: ticketflow test workflows/*.scenarios.json`,

  diff: `Usage: ticketflow diff <a.json> <b.json>

Lists the nodes, edges and fields added, removed and changed from a to b, then
every change in words ("Finance approval: timeout 48 hours → 24 hours").
Positions (layout) are ignored. Exit codes as diff(1):
0 no differences, 1 differences, 2 unreadable input.`,

  push: `Usage: ticketflow push <file> --server URL --token T

Saves the definition in <file> as the draft of its workflow (its "key"):
PUT /api/workflows/<key>/draft. Needs the designer or admin role. A draft may
have problems; they are printed and the push still succeeds.

Options:
  --server URL   the Ticketflow server, e.g. http://localhost:3000 (or TICKETFLOW_SERVER)
  --token T      an access token from POST /api/auth/login (or TICKETFLOW_TOKEN)`,

  publish: `Usage: ticketflow publish <key> --server URL --token T [--note text]

Publishes the draft of workflow <key> as its next immutable version:
POST /api/workflows/<key>/publish. Needs the admin role. A draft with errors
is refused and its problems printed (exit 1).

Options:
  --server URL   the Ticketflow server (or TICKETFLOW_SERVER)
  --token T      an access token (or TICKETFLOW_TOKEN)
  --note text    a note stored with the version`,
};
