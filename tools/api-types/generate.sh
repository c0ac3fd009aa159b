#!/usr/bin/env bash
# Regenerates libs/api-types from the API's OpenAPI document (emitted without a database).
#   bash tools/api-types/generate.sh          write libs/api-types/{openapi.json,src/lib/api.d.ts}
#   bash tools/api-types/generate.sh --check  fail if the committed files are out of date
set -euo pipefail
cd "$(dirname "$0")/../.."
out=libs/api-types
if [ "${1:-}" = "--check" ]; then out=$(mktemp -d); mkdir -p "$out/src/lib"; fi
NX_DAEMON=false npx nx build api --skip-nx-cache=false >/dev/null
node dist/apps/api/openapi.js "$out/openapi.json"
npx openapi-typescript "$out/openapi.json" -o "$out/src/lib/api.d.ts" --silent >/dev/null 2>&1 || npx openapi-typescript "$out/openapi.json" -o "$out/src/lib/api.d.ts"
if [ "${1:-}" = "--check" ]; then
  if ! diff -q "$out/openapi.json" libs/api-types/openapi.json >/dev/null || ! diff -q "$out/src/lib/api.d.ts" libs/api-types/src/lib/api.d.ts >/dev/null; then
    echo "libs/api-types is out of date with the API: run 'npx nx run api-types:generate' and commit the result." >&2
    diff -u libs/api-types/src/lib/api.d.ts "$out/src/lib/api.d.ts" | head -40 >&2 || true
    exit 1
  fi
  echo "libs/api-types is up to date."
fi
