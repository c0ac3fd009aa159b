export * from './lib/team-api';
