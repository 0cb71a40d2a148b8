#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx wirewatch` and `npm start` work from a fresh
// `npm ci` without a build step; `npm run build` still produces dist/ for those who want it.
import { register } from 'tsx/esm/api';

register();
await import('../jobs/cli/main.ts');
