export * from './definition.types.js';
