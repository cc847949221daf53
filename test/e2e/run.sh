#!/bin/sh
# Runs the end-to-end tests inside a fresh network namespace that has only
# loopback: ICE sees only loopback, nothing leaves the machine, ports cannot
# collide with anything else on it.
set -e
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = 0 ]; then NS="unshare -n"; else NS="unshare -rn"; fi
exec $NS sh -c 'ip link set lo up && exec node --test --test-concurrency=1 --test-reporter=spec "$@"' sh "${@:-test/e2e/}"
