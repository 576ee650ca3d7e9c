#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Opsdeck developers
#
# The GResource bundle holds every template, icon and stylesheet under ui/,
# nothing it lists is missing, every template's class matches its file name
# (OpsHealthPage lives in ops-health-page.ui) and every .ui file parses.
#
# usage: check-resources.py SOURCE_ROOT

import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
ui = os.path.join(root, "ui")
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok" if condition else "not ok") + " %d - %s" % (len(results), name)
          + ("" if condition or not detail else "  # " + detail))


print("TAP version 13")
bundle = ET.parse(os.path.join(ui, "opsdeck.gresource.xml")).getroot()
listed = {f.text.strip() for f in bundle.iter("file")}
on_disk = set()
for dirpath, _, files in os.walk(ui):
    for name in files:
        if name.endswith((".ui", ".svg", ".css")):
            on_disk.add(os.path.relpath(os.path.join(dirpath, name), ui))

check("every template, icon and stylesheet is in the bundle", on_disk <= listed,
      "add: " + ", ".join(sorted(on_disk - listed)))
check("every file the bundle lists exists", listed <= on_disk,
      "missing: " + ", ".join(sorted(listed - on_disk)))

for relative in sorted(p for p in on_disk if p.endswith(".ui")):
    try:
        tree = ET.parse(os.path.join(ui, relative)).getroot()
    except ET.ParseError as error:
        check("%s parses" % relative, False, str(error))
        continue
    check("%s parses" % relative, True)
    template = tree.find("template")
    if template is None:
        continue
    cls = template.get("class")
    expected = re.sub(r"(?<!^)(?=[A-Z])", "-", cls).lower() + ".ui"
    check("%s holds the template of %s" % (relative, cls), os.path.basename(relative) == expected,
          "expected " + expected)

print("1..%d" % len(results))
sys.exit(0 if all(results) else 1)
