#!/bin/sh
# Runs a command inside a fresh network namespace that has only loopback:
# ICE sees only loopback, nothing can leave the machine, and the fixed test
# ports cannot collide with anything else running on it.
#   sh test/netns.sh node --test test/e2e/
set -e
if [ "$(id -u)" = 0 ]; then NS="unshare -n"; else NS="unshare -rn"; fi
exec $NS sh -c 'ip link set lo up && exec "$@"' sh "$@"
