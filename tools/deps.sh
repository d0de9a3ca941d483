# shellcheck shell=bash
# The Debian 12 packages Meridian builds and tests with, and a function that
# installs those that are missing. Sourced by tools/run, tools/test and .ci/run.

BUILD_PACKAGES=(gcc meson ninja-build pkg-config libgtk-4-dev libadwaita-1-dev libshumate-dev libjson-glib-dev libxml2-dev)
# At run time: the fonts the map's labels need — Cantarell (GNOME's UI font),
# a Japanese face for names such as 北方領土 and Noto CJK for Chinese
# (simplified and traditional: 珍宝岛) and Korean; DejaVu covers Latin and
# Cyrillic — and dconf, where the window keeps its sizes.
RUNTIME_PACKAGES=(fonts-cantarell fonts-ipafont-gothic fonts-noto-cjk dconf-gsettings-backend)
# libxtst-dev: test-monkey sends its input through the X server's XTest.
# test-accessibility reads the window through AT-SPI (at-spi2-core, its
# Python bindings), on a session bus of its own (dbus-run-session, in
# dbus-daemon), pressing keys with xdotool; gettext compiles the
# translations.
TEST_PACKAGES=(xvfb xauth poppler-utils locales-all desktop-file-utils appstream strace shared-mime-info
               libglib2.0-bin libxtst-dev gettext at-spi2-core python3-gi gir1.2-atspi-2.0 dbus-daemon xdotool)
# The two-monitor window test (tools/two-monitors): an X server whose dummy
# driver makes two outputs, xrandr to set them up and unplug one, a window
# manager, and xdotool to press keys.
TWO_MONITOR_PACKAGES=(xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils openbox xdotool)
# For .ci/run's extra checks: the libFuzzer harnesses (tools/fuzz) and
# `meson test --setup valgrind`.
CHECK_PACKAGES=(clang libclang-rt-14-dev valgrind)

ensure_packages () {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0

  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  echo "Installing ${missing[*]}…" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Prints "N passed, N failed" from a meson build directory's test log.
summarize_tests () {
  python3 - "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    with open(log) as f:
        for line in f:
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
if skipped:
    print(f"({skipped} skipped)")
print(f"{passed} passed, {failed} failed")
PY
}
