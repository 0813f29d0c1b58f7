#!/usr/bin/env bash
# Part of `npm run setup`: the portal's «Nghe» button (GET /api/procedures/:code/guide/audio)
# renders Vietnamese speech with espeak-ng on the server (docs/advisor.md). Without it everything
# else works and that route answers 503 speech-unavailable, so this warns and does not fail.
set -euo pipefail
if command -v espeak-ng >/dev/null 2>&1; then
  if espeak-ng --voices=vi 2>/dev/null | grep -qw vi; then
    echo "[setup] espeak-ng with its Vietnamese voice: read-aloud ready"
  else
    echo "[setup] espeak-ng is installed but has no Vietnamese voice (vi): install the espeak-ng-data package" >&2
  fi
else
  cat >&2 <<'MSG'
[setup] espeak-ng is not installed: the guidance cannot be read aloud («Nghe» answers 503 speech-unavailable).
        Debian/Ubuntu:  sudo apt-get install -y espeak-ng
        Fedora:         sudo dnf install -y espeak-ng
        macOS:          brew install espeak-ng
MSG
fi
