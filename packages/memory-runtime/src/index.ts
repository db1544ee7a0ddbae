export * from './backup/export-file.js';
export * from './backup/import-file.js';
