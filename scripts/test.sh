#!/usr/bin/env bash
# The full test suite: installs the test tools, then runs the one reactor build with every test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-test-tools.sh"
cd "$root"
exec mvn -B verify "$@"
