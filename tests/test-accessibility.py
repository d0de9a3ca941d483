#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Meridian as a screen reader sees it, through AT-SPI.

Run inside its own session bus (dbus-run-session), so that the accessibility
bus it starts is its own: starts Meridian on the bundled story, walks the
accessibility tree as Orca would, and checks that the map and the timeline
are landmarks, that the story's events are there by name (title and date),
and that Left and Right move the focus event by event with the selected
state and focus events that tell the screen reader where it is.

Usage: test-accessibility.py MERIDIAN [DATADIR]; exit 77 without a display
or without AT-SPI's Python bindings.
"""

import os
import shutil
import subprocess
import sys
import time

DEADLINE = 20  # seconds; reached only when something is broken


def skip(why):
    print(f"1..0 # SKIP {why}")
    sys.exit(77)


if not os.environ.get("DISPLAY"):
    skip("no display: run under xvfb-run")

if shutil.which("xdotool") is None:
    skip("xdotool is missing: it presses the keys")

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    skip(f"no AT-SPI bindings ({error}): install python3-gi and gir1.2-atspi-2.0")

failures = []


def check(condition, message):
    print(("ok - " if condition else "not ok - ") + message)
    if not condition:
        failures.append(message)
    return condition


def pump():
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(what, probe):
    """Polls probe() until it returns something true, or fails."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        pump()
        value = probe()
        if value:
            return value
        time.sleep(0.05)
    print(f"# timed out after {DEADLINE} s waiting for {what}")
    return None


def walk(node, depth=0):
    """Every object under node, depth first, as a screen reader reads them."""
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except GLib.Error:
            continue
        yield from walk(child, depth + 1)


def role(node):
    try:
        return node.get_role()
    except GLib.Error:
        return None


def name(node):
    try:
        return node.get_name()
    except GLib.Error:
        return None


def has_state(node, state):
    try:
        return node.get_state_set().contains(state)
    except GLib.Error:
        return False


def find_application():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and name(app) in ("meridian", "org.meridian.Meridian"):
            return app
    return None


# GTK 4.8 gives GTK_ACCESSIBLE_ROLE_LANDMARK to AT-SPI as a filler (4.10
# and later as a landmark): either, with the region's name.
LANDMARK_ROLES = (Atspi.Role.LANDMARK, Atspi.Role.FILLER)


def landmark(app, label):
    for node in walk(app):
        if role(node) in LANDMARK_ROLES and name(node) == label:
            return node
    return None


def map_markers(app):
    """The list of the map's markers, once it lists some."""
    area = landmark(app, "Map")
    for node in walk(area):
        if role(node) == Atspi.Role.LIST and name(node) == "Events on the map" and items(node):
            return node
    return None


def items(node):
    return [child for child in walk(node) if role(child) == Atspi.Role.LIST_ITEM]


def focused_item(timeline):
    for item in items(timeline):
        if has_state(item, Atspi.StateType.FOCUSED):
            return item
    return None


def main():
    meridian = sys.argv[1]
    env = dict(os.environ)
    # The app talks to the accessibility bus of this test's session; its
    # names are checked in English.
    for variable in ("GTK_A11Y", "NO_AT_BRIDGE", "LANGUAGE"):
        env.pop(variable, None)
    env.update(LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory", TZ="UTC")
    if len(sys.argv) > 2:
        env["MERIDIAN_DATADIR"] = sys.argv[2]

    Atspi.init()
    focus_events = []

    def on_focus(event):
        if event.detail1 == 1:
            focus_events.append(name(event.source))

    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")

    app_process = subprocess.Popen([meridian], env=env)
    try:
        app = wait_for("Meridian on the accessibility bus", find_application)
        if not check(app is not None, "Meridian is on the accessibility bus"):
            return
        timeline = wait_for("the timeline landmark with its events",
                            lambda: (lambda t: t if t is not None and len(items(t)) > 10 else None)(
                                landmark(app, "Timeline")))
        if not check(timeline is not None, "the timeline is a landmark named Timeline, with events"):
            return
        check(landmark(app, "Map") is not None, "the map is a landmark named Map")
        markers = wait_for("the map's markers", lambda: map_markers(app))
        if check(markers is not None, "the map lists its markers"):
            marker_names = {name(item) for item in items(markers)}
            for expected in ("Battle of Tsushima, 27–28 May 1905",
                             "Putin–Abe summit in Nagato and Tokyo, 15–16 Dec 2016"):
                check(expected in marker_names, f"the map has a marker named “{expected}”")

        # The bundled story's events, by title and date.
        names = {name(item) for item in items(timeline)}
        for expected in ("Russo-Japanese War, 8 Feb 1904 – 5 Sep 1905",
                         "Battle of Tsushima, 27–28 May 1905"):
            check(expected in names, f"the timeline has an event named “{expected}”")
        check(not any(has_state(item, Atspi.StateType.SELECTED) for item in items(timeline)),
              "no event is selected at start")

        # A click on the timeline's axis, where there is no event, gives it
        # the keyboard; the pointer then rests over the window, so that the X
        # server (with no window manager) sends it the keys.
        extents = timeline.get_extents(Atspi.CoordType.WINDOW)
        x, y = extents.x + 40, extents.y + extents.height - 6
        print(f"# the timeline is at {extents.x},{extents.y} {extents.width}×{extents.height}; clicking {x},{y}")
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        steps = [
            "Treaty of Shimoda draws the first Russo-Japanese border, 7 Feb 1855",
            "Treaty of Saint Petersburg: Sakhalin exchanged for the Kurils, 7 May 1875",
        ]
        for expected in steps:
            subprocess.run(["xdotool", "key", "Right"], check=True)
            item = wait_for(f"the focus on “{expected}”",
                            lambda: (lambda f: f if f is not None and name(f) == expected else None)(
                                focused_item(timeline)))
            if check(item is not None, f"Right moves the focus to “{expected}”"):
                check(has_state(item, Atspi.StateType.SELECTED), f"“{expected}” is selected")
                check(has_state(item, Atspi.StateType.SELECTABLE), f"“{expected}” is selectable")
            wait_for(f"a focus event for “{expected}”", lambda: expected in focus_events)
            check(expected in focus_events, f"the screen reader is told the focus is on “{expected}”")

        selected = [name(item) for item in items(timeline) if has_state(item, Atspi.StateType.SELECTED)]
        check(selected == [steps[-1]], f"only the last event reached is selected (selected: {selected})")
        if markers is not None:
            on_map = wait_for("the map's marker of the selection",
                              lambda: [name(item) for item in items(map_markers(app))
                                       if has_state(item, Atspi.StateType.SELECTED)] == [steps[-1]])
            check(on_map, f"the map's marker of “{steps[-1]}” is selected, and only it")
    finally:
        listener.deregister("object:state-changed:focused")
        app_process.terminate()
        app_process.wait(timeout=DEADLINE)


main()
if failures:
    print(f"# {len(failures)} failed")
    sys.exit(1)
