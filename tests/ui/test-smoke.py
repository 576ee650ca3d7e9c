#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Opsdeck developers
#
# Drives the real opsdeck binary as a person would, through the keyboard and
# the accessibility tree (AT-SPI), under Xvfb with a private D-Bus session
# (tests/support/run-in-session.sh --display). Prints TAP.

import os
import subprocess
import sys
import tempfile
import time

import dogtail.config

dogtail.config.config.checkForA11y = False
dogtail.config.config.searchShowingOnly = False
dogtail.config.config.logDebugToStdOut = False
dogtail.config.config.logDebugToFile = False
dogtail.config.config.searchCutoffCount = 5
dogtail.config.config.defaultDelay = 0.2

import dogtail.rawinput  # noqa: E402
import dogtail.tree  # noqa: E402
import pyatspi  # noqa: E402

OPSDECK = os.environ["OPSDECK"]
TABS = [("Health", "No Health Checks Yet"),
        ("Workflows", None),
        ("Slack", None),
        ("Load Testing", None),
        ("Disaster Recovery", None)]

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    print(("ok" if condition else "not ok") + " %d - %s" % (len(results), name)
          + ("" if condition or not detail else "  # " + detail), flush=True)
    return condition


def wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the tree changes under our feet
            pass
        time.sleep(0.1)
    return None


def has_state(node, state):
    return node.getState().contains(state)


def sized(node):
    x, y, w, h = node.extents
    return w > 0 and h > 0


def find_app():
    for app in dogtail.tree.root.applications():
        if app.name == "opsdeck":
            return app
    return None


def main_window(app):
    for child in app.children:
        if child.roleName == "frame" and child.name == "Opsdeck" and sized(child):
            return child
    return None


def selected_tab(app):
    # The view switcher appears more than once in the tree; only the copy
    # with a size on screen is the one a person sees.
    for tab in app.findChildren(lambda n: n.roleName == "page tab"):
        if sized(tab) and has_state(tab, pyatspi.STATE_SELECTED):
            return tab.name
    return None


def window_named(app, name):
    for child in app.children:
        if child.name == name and sized(child):
            return child
    return None


def main():
    data_dir = tempfile.mkdtemp(prefix="opsdeck-smoke-")
    env = dict(os.environ, OPSDECK_DATA_DIR=data_dir)
    process = subprocess.Popen([OPSDECK], env=env)

    try:
        app = wait_for(find_app, 20)
        if not check("the application appears on the accessibility bus", app):
            return
        window = wait_for(lambda: main_window(app), 10)
        if not check("the main window opens", window):
            return

        names = sorted({t.name for t in app.findChildren(lambda n: n.roleName == "page tab")
                        if sized(t)})
        tabs = {t for t, _ in TABS}
        check("all five tabs are present", tabs <= set(names), repr(names))
        # The Health tab's own switcher: its checks, and the alerts.
        check("the Health tab has Checks and Alerts views",
              sorted(set(names) - tabs) == ["Alerts", "Checks"], repr(names))
        check("Health is shown first", wait_for(lambda: selected_tab(app) == "Health"))
        check("the Health tab says what it will do",
              app.findChildren(lambda n: n.roleName == "label"
                               and n.name == "No Health Checks Yet"))

        add = [b for b in app.findChildren(
            lambda n: n.name == "Add Check" and n.roleName == "push button") if sized(b)]
        check("the Health tab's Add Check button has an accessible name", add)
        dogtail.rawinput.keyCombo("<Control>n")
        dialog = wait_for(lambda: window_named(app, "Add Check"), 10)
        check("Ctrl+N opens the Add Check dialog", dialog)
        if dialog:
            save = [b for b in dialog.findChildren(
                lambda n: "Save" in n.name.split() and n.roleName == "push button") if sized(b)]
            check("Save is off while the form is empty",
                  save and not has_state(save[0], pyatspi.STATE_SENSITIVE))
            dogtail.rawinput.pressKey("Escape")
            check("Escape closes the dialog",
                  wait_for(lambda: window_named(app, "Add Check") is None, 5))
        dogtail.rawinput.keyCombo("<Alt>3")
        wait_for(lambda: selected_tab(app) == "Slack", 5)
        dogtail.rawinput.keyCombo("<Control>n")
        time.sleep(1)
        check("Ctrl+N belongs to the Health tab", window_named(app, "Add Check") is None)
        dogtail.rawinput.keyCombo("<Alt>1")
        wait_for(lambda: selected_tab(app) == "Health", 5)

        for number, (tab, _) in reversed(list(enumerate(TABS, start=1))):
            dogtail.rawinput.keyCombo("<Alt>%d" % number)
            check("Alt+%d shows %s" % (number, tab),
                  wait_for(lambda: selected_tab(app) == tab, 5), repr(selected_tab(app)))

        dogtail.rawinput.keyCombo("<Control>comma")
        preferences = wait_for(lambda: window_named(app, "Preferences"), 10)
        check("Ctrl+comma opens the preferences", preferences)
        if preferences:
            switch = wait_for(lambda: [n for n in preferences.findChildren(
                lambda n: n.name == "Run in Background" and n.roleName == "check box")
                if sized(n)], 5)
            check("the background switch is on by default",
                  switch and has_state(switch[0], pyatspi.STATE_CHECKED))
            spin = [n for n in preferences.findChildren(
                lambda n: n.name == "Keep Detailed Results For" and n.roleName == "spin button")
                if sized(n)]
            value = spin[0].queryValue().currentValue if spin else None
            check("the retention shows its default", value == 30, repr(value))
            dogtail.rawinput.pressKey("Escape")
            check("Escape closes the preferences",
                  wait_for(lambda: window_named(app, "Preferences") is None, 5))

        # Ctrl+? is typed as Ctrl+Shift+/ on a US keyboard.
        dogtail.rawinput.keyCombo("<Control><Shift>question")
        shortcuts = wait_for(lambda: window_named(app, "Keyboard Shortcuts"), 10)
        check("Ctrl+? opens the keyboard shortcuts", shortcuts)
        if shortcuts:
            check("the shortcuts list the tabs", shortcuts.findChildren(
                lambda n: n.roleName == "label" and n.name == "Disaster Recovery"))
            dogtail.rawinput.pressKey("Escape")
            wait_for(lambda: window_named(app, "Keyboard Shortcuts") is None, 5)

        menu_button = [b for b in window.findChildren(
            lambda n: n.name == "Main Menu" and n.roleName == "push button")
            if has_state(b, pyatspi.STATE_FOCUSABLE)]
        check("the main menu button has an accessible name", menu_button)
        if menu_button:
            menu_button[0].doActionNamed("click")
            item = wait_for(lambda: [n for n in app.findChildren(
                lambda n: n.name == "About Opsdeck" and n.roleName == "menu item") if sized(n)], 5)
            check("the main menu offers About Opsdeck", item)
            if item:
                item[0].doActionNamed("click")
                version = wait_for(lambda: app.findChildren(
                    lambda n: n.roleName == "label" and n.name == "0.1.0"), 10)
                check("the about window shows the version", version)
                dogtail.rawinput.pressKey("Escape")

        window = wait_for(lambda: main_window(app), 5)
        dogtail.rawinput.keyCombo("<Alt>3")
        wait_for(lambda: selected_tab(app) == "Slack", 5)
        dogtail.rawinput.keyCombo("<Control>w")
        check("Ctrl+W closes the window", wait_for(lambda: main_window(app) is None, 5))
        time.sleep(0.5)
        check("the app keeps running in the background", process.poll() is None)

        subprocess.run([OPSDECK], env=env, timeout=20, check=True)
        check("launching again reopens the window", wait_for(lambda: main_window(app), 10))
        check("the window reopens on the last tab",
              wait_for(lambda: selected_tab(app) == "Slack", 5), repr(selected_tab(app)))

        dogtail.rawinput.keyCombo("<Control>q")
        try:
            status = process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            status = None
        check("Ctrl+Q quits cleanly", status == 0, "exit status %r" % status)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


if __name__ == "__main__":
    print("TAP version 13", flush=True)
    try:
        main()
    except Exception as error:  # report, do not hide
        check("the smoke test ran to the end", False, repr(error))
    print("1..%d" % len(results), flush=True)
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
