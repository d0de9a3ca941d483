#!/usr/bin/env bash
# Installs the build into a temporary DESTDIR and checks what a desktop gets:
# the launcher, AppStream data, icons and MIME type are in place, a story is
# recognised by its content, and the installed binary runs on its own
# installed data — never on the source tree it was built from.
#
#   test-install.sh BUILD_DIR SOURCE_DIR PREFIX
set -euo pipefail
build=$1 source=$2 prefix=$3
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
root=$dest$prefix
unset MERIDIAN_DATADIR
fail () { echo "not ok: $*"; exit 1; }

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

for f in bin/meridian \
         share/applications/org.meridian.Meridian.desktop \
         share/metainfo/org.meridian.Meridian.metainfo.xml \
         share/mime/packages/org.meridian.Meridian.xml \
         share/icons/hicolor/scalable/apps/org.meridian.Meridian.svg \
         share/icons/hicolor/symbolic/apps/org.meridian.Meridian-symbolic.svg \
         share/glib-2.0/schemas/org.meridian.Meridian.gschema.xml \
         share/meridian/events/russia-japan.json \
         share/meridian/basemap/world.mbm \
         share/meridian/basemap/divisions.json; do
  [[ -f $root/$f ]] || fail "$f is not installed"
done
echo "ok: every file is installed"

# A story is recognised by its "meridian" member; other JSON stays JSON.
update-mime-database "$root/share/mime"
printf '{"type": "FeatureCollection", "features": []}\n' > "$dest/other.json"
cp "$source/data/events/russia-japan.json" "$dest/story.json"
type_of () { XDG_DATA_DIRS=$root/share:/usr/share gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
[[ $(type_of "$dest/story.json") == application/vnd.meridian.story+json ]] || fail "story.json is $(type_of "$dest/story.json")"
[[ $(type_of "$dest/other.json") == application/json ]] || fail "other.json is $(type_of "$dest/other.json")"
echo "ok: stories are recognised by content"

# The installed binary opens only installed data.
glib-compile-schemas "$root/share/glib-2.0/schemas"
strace -f -e trace=open,openat -o "$dest/trace" "$root/bin/meridian" --export "$dest/out.png" --size 640x360 >/dev/null
[[ -s $dest/out.png ]] || fail "the installed binary exported nothing"
grep -q "$root/share/meridian/events/russia-japan.json" "$dest/trace" || fail "the bundled story was not read from the install"
grep -q "$root/share/meridian/basemap/world.mbm" "$dest/trace" || fail "the base map was not read from the install"
if grep -q "$source/data" "$dest/trace"; then
  grep "$source/data" "$dest/trace" | head -3
  fail "the installed binary read the source tree's data"
fi
echo "ok: the installed binary reads its installed data only"

if [[ -n ${DISPLAY:-} ]]; then
  status=0
  GSETTINGS_SCHEMA_DIR=$root/share/glib-2.0/schemas timeout 4 "$root/bin/meridian" >/dev/null 2>"$dest/log" || status=$?
  [[ $status -eq 124 ]] || { cat "$dest/log"; fail "the installed window exited with $status"; }
  echo "ok: the installed window opens on the bundled story"
fi
