#!/usr/bin/env node
// The CLI is TypeScript run as is: Node 22 strips the types, so there is no build step.
// Through npx/npm scripts, `node` is the Node 22 from devDependencies.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
