#!/usr/bin/env bash
# Builds the .deb, unpacks it into a temporary folder with dpkg-deb -x, runs the menu entry's command
# (--version) and the packaged launcher headless (demo --headless --devices 50): it must complete its
# campaign. Skipped, with a message, where the tools are missing (jpackage, fakeroot, dpkg-deb).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in jpackage fakeroot dpkg-deb; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED installer test: $tool is not installed (the .deb can only be built and checked where it is)."
    exit 0
  fi
done

mvn -B -q -Pinstaller -DskipTests clean package
deb=$(ls target/installer/*.deb)
echo "Built $deb ($(du -h "$deb" | cut -f1))"

root=$(mktemp -d)
home=$(mktemp -d)
trap 'rm -rf "$root" "$home"' EXIT
dpkg-deb -x "$deb" "$root"
launcher="$root/opt/fota-desk/bin/fota-desk"
test -x "$launcher" || { echo "FAILED: no launcher at /opt/fota-desk/bin/fota-desk in the package"; exit 1; }
grep -q "^Depends:.*libgtk-3-0" <(dpkg-deb -f "$deb") || { echo "FAILED: the package does not depend on GTK 3"; exit 1; }
test -f "$root/opt/fota-desk/lib/app/splash.png" || { echo "FAILED: no splash image beside the jar"; exit 1; }
grep -q "^java-options=-splash:\$APPDIR/splash.png" "$root/opt/fota-desk/lib/app/fota-desk.cfg" \
  || { echo "FAILED: the launcher does not show the splash screen"; exit 1; }
# java -jar shows the splash screen the jar's manifest names, an image inside the jar
jarfile="$PWD/target/fota-desk.jar"
(cd "$home" && jar xf "$jarfile" META-INF/MANIFEST.MF)
splash=$(sed -n 's/^SplashScreen-Image: *\([^[:space:]]*\).*/\1/p' "$home/META-INF/MANIFEST.MF")
rm -r "$home/META-INF"
test -n "$splash" || { echo "FAILED: the jar's manifest names no SplashScreen-Image"; exit 1; }
jar tf "$jarfile" | grep -x "$splash" >/dev/null || { echo "FAILED: the jar has no $splash for its splash screen"; exit 1; }
# the runtime's class-data-sharing archive: -Xshare:on refuses to start where it cannot be used
test -f "$root/opt/fota-desk/lib/runtime/lib/server/classes.jsa" \
  || { echo "FAILED: the runtime has no class-data-sharing archive"; exit 1; }
JAVA_TOOL_OPTIONS=-Xshare:on HOME="$home" "$launcher" --version >/dev/null 2>&1 \
  || { echo "FAILED: the packaged launcher cannot start with -Xshare:on (its runtime's archive is unusable)"; exit 1; }

# the menu entry starts the runtime's java itself (the launcher asks dpkg at every start, before the
# JVM): its Exec line, run as the menu runs it with the unpacked root in place of /, starts the app
desktop=$(ls "$root"/opt/fota-desk/lib/*.desktop)
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
read -ra menu_command <<<"${exec_line//\/opt\/fota-desk/$root/opt/fota-desk}"
test "${menu_command[0]:-}" = "$root/opt/fota-desk/lib/runtime/bin/java" \
  || { echo "FAILED: the menu entry does not start the runtime's java: Exec=$exec_line"; exit 1; }
while read -r option; do
  option=${option//\$APPDIR//opt/fota-desk/lib/app}
  [[ " $exec_line " == *" $option "* ]] \
    || { echo "FAILED: the menu entry's java lacks the launcher's option $option (installer/common.options)"; exit 1; }
done < <(sed -n '/^java-options=-Djpackage\./d; s/^java-options=//p' "$root/opt/fota-desk/lib/app/fota-desk.cfg")
version=$(HOME="$home" "$launcher" --version 2>&1)
menu_version=$(cd "$home" && HOME="$home" "${menu_command[@]}" --version 2>&1) \
  || { echo "FAILED: the menu entry's command does not start: $menu_version"; exit 1; }
test "$menu_version" = "$version" \
  || { echo "FAILED: the menu entry's command printed '$menu_version' for --version, the launcher '$version'"; exit 1; }
echo "PASSED menu entry: $exec_line"

out="$home/demo.log"
if ! HOME="$home" timeout 600 "$launcher" demo --headless --devices 50 >"$out" 2>&1; then
  echo "FAILED: the packaged launcher's headless demo did not complete:"
  tail -30 "$out"
  exit 1
fi
grep -q "campaign completed" "$out" || { echo "FAILED: no completed campaign in the output"; tail -30 "$out"; exit 1; }
tail -6 "$out"
echo "PASSED installer test: the packaged launcher completed a headless demo"
