#!/usr/bin/env bash
# Casetracker for macOS: a compressed .dmg holding Casetracker.app and a link to /Applications.
#
#   bash installer/macos/make_dmg.sh dist/Casetracker.app dist/Casetracker-<v>-macos-<arch>.dmg
#
# Run by `python installer/build.py` on macOS, after PyInstaller has built and signed the .app
# (with MACOS_SIGN_IDENTITY and the hardened runtime, or ad hoc without it).
# Signing and notarisation, only when the variables are set:
#   MACOS_SIGN_IDENTITY      "Developer ID Application: Name (TEAMID)", in the keychain
#   MACOS_NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool store-credentials), or
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (an app-specific password)
# Not run on the machine where it was written: see docs/release.md.
set -euo pipefail

app="${1:?usage: make_dmg.sh APP DMG}"
dmg="${2:?usage: make_dmg.sh APP DMG}"
[ -d "$app" ] || { echo "make_dmg.sh: $app is not an app bundle" >&2; exit 1; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/Casetracker.app"
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
# hdiutil sometimes fails with "Resource busy" on hosted runners; try a few times.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "Casetracker" -srcfolder "$staging" -fs HFS+ \
       -format UDZO -imagekey zlib-level=9 -ov "$dmg"; then
    break
  fi
  [ "$attempt" -lt 5 ] || { echo "make_dmg.sh: hdiutil create kept failing" >&2; exit 1; }
  sleep $((attempt * 5))
done

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  notarised=no
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    notarised=yes
  elif [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" \
      --team-id "${MACOS_NOTARY_TEAM_ID:?MACOS_NOTARY_TEAM_ID is needed too}" \
      --password "${MACOS_NOTARY_PASSWORD:?MACOS_NOTARY_PASSWORD is needed too}" --wait
    notarised=yes
  fi
  if [ "$notarised" = yes ]; then
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
  else
    echo "make_dmg.sh: signed but not notarised (no notary credentials); Gatekeeper will warn" >&2
  fi
else
  echo "make_dmg.sh: not signed (no MACOS_SIGN_IDENTITY); the app carries an ad hoc signature" >&2
fi
echo "make_dmg.sh: wrote $dmg"
