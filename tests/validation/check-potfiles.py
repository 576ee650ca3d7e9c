#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Opsdeck developers
#
# Every file with translatable strings is listed in po/POTFILES.in, and
# every listed file exists, so that no user-visible string escapes the
# translators.
#
# usage: check-potfiles.py SOURCE_ROOT

import os
import re
import sys

root = sys.argv[1]
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

marker = re.compile(r'(\b_\(|\bN_\(|\bC_\(|\bNC_\(|translatable="yes")')
found = set()
for folder in ("src", "ui", "data"):
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for name in files:
            if not name.endswith((".c", ".ui", ".in")):
                continue
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if marker.search(text) or relative.endswith((".desktop.in", ".metainfo.xml.in")):
                found.add(relative)

results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok" if condition else "not ok") + " %d - %s" % (len(results), name)
          + ("" if condition or not detail else "  # " + detail))


print("TAP version 13")
missing = sorted(found - listed)
check("every file with translatable strings is in po/POTFILES.in", not missing,
      "add: " + ", ".join(missing))
gone = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
check("every file in po/POTFILES.in exists", not gone, "remove: " + ", ".join(gone))
print("1..%d" % len(results))
sys.exit(0 if all(results) else 1)
