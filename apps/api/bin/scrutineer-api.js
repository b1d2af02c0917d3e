#!/usr/bin/env node
// The API's command line (migrate, seed, tokens, import, export); built to dist/cli/main.js.
import '../dist/cli/main.js';
