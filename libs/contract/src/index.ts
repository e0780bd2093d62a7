// The HTTP contract of the Ticketflow API: every request and response body as a JSON Schema
// (TypeBox) with its TypeScript type. The API documents its operations with these schemas
// (OpenAPI at /api/docs) and its tests check every answer against them; the web app and the CLI
// read the types. See README.md.
export * from './error-body.js';
export * from './schema-builders.js';
export * from './users.contract.js';
export * from './organisation.contract.js';
export * from './catalogue.contract.js';
export * from './workflows.contract.js';
export * from './versions.contract.js';
export * from './tickets.contract.js';
export * from './tasks.contract.js';
export * from './attachments.contract.js';
export * from './rules.contract.js';
export * from './reports.contract.js';
export * from './settings.contract.js';
export * from './operations.contract.js';
export * from './mail.contract.js';
export * from './satisfaction.contract.js';
