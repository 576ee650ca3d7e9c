#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one test program in a session of its own, as a desktop has:
#   --keyring   a private D-Bus session with an unlocked GNOME Keyring
#   --display   the same, inside an Xvfb X server (xvfb-run -a)
# Home, runtime and XDG folders point into a temporary folder, removed
# afterwards, so that parallel tests never share state.
set -eu

keyring=0
display=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keyring) keyring=1; shift ;;
    --display) display=1; keyring=1; shift ;;
    --inner) shift; inner=1; break ;;
    *) break ;;
  esac
done

if [ "${inner:-0}" = 1 ]; then
  if [ "$keyring" = 1 ] || [ "${OPS_TEST_KEYRING:-0}" = 1 ]; then
    # Starts the daemon on this session bus with a new login keyring,
    # unlocked with a throwaway password.
    printf 'opsdeck-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
  fi
  # The test's own standard output (TAP) is on descriptor 3; what the
  # session's daemons print stays on standard error.
  exec "$@" 1>&3 3>&-
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/opsdeck-session-XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

export HOME="$tmp/home"
export XDG_RUNTIME_DIR="$tmp/run"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_DATA_HOME="$tmp/data"
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export OPS_TEST_KEYRING=$keyring
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY

self=$(readlink -f "$0")
status=0
exec 3>&1
if [ "$display" = 1 ]; then
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    dbus-run-session -- "$self" --inner "$@" 1>&2 || status=$?
else
  dbus-run-session -- "$self" --inner "$@" 1>&2 || status=$?
fi
exit $status
