export * from './runtime.types.js';
