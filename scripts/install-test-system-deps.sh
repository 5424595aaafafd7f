#!/bin/sh
# System packages the test suite drives for real: Debian's Chromium (browser
# tests) and PostgreSQL 15 server binaries (the throwaway test cluster).
# Installs only what is missing; needs root (or sudo) the first time.
set -eu

need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
[ -z "$need" ] && exit 0

echo "installing system packages for the tests:$need"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
