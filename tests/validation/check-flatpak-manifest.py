#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Opsdeck developers
#
# The Flatpak manifest cannot be built here (no Flathub), so this checks
# what can be checked: it parses, it names the same application, command
# and modules as the meson project, every local source exists, and every
# downloaded source is pinned by a sha256.
#
# usage: check-flatpak-manifest.py MANIFEST APP_ID COMMAND PROJECT_NAME

import json
import os
import re
import sys

manifest_path, app_id, command, project = sys.argv[1:5]
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok" if condition else "not ok") + " %d - %s" % (len(results), name)
          + ("" if condition or not detail else "  # " + detail))


print("TAP version 13")
try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    check("the manifest is valid JSON", True)
except (OSError, ValueError) as error:
    check("the manifest is valid JSON", False, str(error))
    print("1..%d" % len(results))
    sys.exit(1)

base = os.path.dirname(os.path.abspath(manifest_path))
check("the app id is the meson project's", manifest.get("id") == app_id,
      repr(manifest.get("id")))
check("the command is the GUI binary", manifest.get("command") == command,
      repr(manifest.get("command")))
check("the runtime is GNOME 47",
      manifest.get("runtime") == "org.gnome.Platform"
      and str(manifest.get("runtime-version")) == "47"
      and manifest.get("sdk") == "org.gnome.Sdk")

finish_args = set(manifest.get("finish-args", []))
for arg in ("--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
            "--device=dri"):
    check("finish-args has %s" % arg, arg in finish_args)
check("no broad filesystem or session-bus access",
      not any(a.startswith("--filesystem=home") or a == "--filesystem=host"
              or a == "--socket=session-bus" for a in finish_args))

modules = manifest.get("modules", [])
names = [m.get("name") if isinstance(m, dict) else None for m in modules]
check("the last module is the project itself", names and names[-1] == project, repr(names))
check("libpq is built as a module (it is not in the GNOME runtime)", "libpq" in names,
      repr(names))
app_module = modules[-1] if modules else {}
check("the project is built with meson", app_module.get("buildsystem") == "meson")


def sources(module):
    for source in module.get("sources", []):
        yield module.get("name"), source
    for sub in module.get("modules", []):
        if isinstance(sub, dict):
            yield from sources(sub)


for module in modules:
    if not isinstance(module, dict):
        continue
    for name, source in sources(module):
        kind = source.get("type")
        if "path" in source:
            path = os.path.normpath(os.path.join(base, source["path"]))
            check("%s: local source %s exists" % (name, source["path"]), os.path.exists(path),
                  path)
        if "url" in source and kind in ("archive", "file"):
            check("%s: %s is pinned by sha256" % (name, source["url"]),
                  re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")))
            check("%s: %s is fetched over https" % (name, source["url"]),
                  source["url"].startswith("https://"))

if os.path.exists(os.path.join(base, "..", "meson.build")):
    with open(os.path.join(base, "..", "meson.build"), encoding="utf-8") as f:
        check("the meson project is named %s" % project,
              re.search(r"project\(\s*'%s'" % re.escape(project), f.read()))

print("1..%d" % len(results))
sys.exit(0 if all(results) else 1)
