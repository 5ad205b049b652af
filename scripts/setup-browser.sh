#!/usr/bin/env bash
# Installs Debian's chromium for the review page's browser tests (test/review.test.ts drives it
# through playwright-core at /usr/bin/chromium; nothing is downloaded by playwright itself).
# Idempotent; exits 0 with a message (not an error) where it cannot install, so the tests that
# need it are skipped with a reason instead of failing.
set -u
[ -x /usr/bin/chromium ] && { echo "setup-browser: chromium present ($(/usr/bin/chromium --version 2>/dev/null))"; exit 0; }

if ! command -v apt-get >/dev/null; then
  echo "setup-browser: not a Debian system; install chromium at /usr/bin/chromium yourself to run the review page's browser tests" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "setup-browser: not root; run: sudo apt-get install --no-install-recommends chromium" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# Update the lists only when the package is not known yet (a fresh machine).
apt-cache show chromium >/dev/null 2>&1 || $sudo apt-get update -qq
if $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "setup-browser: installed chromium"
else
  echo "setup-browser: could not install chromium; run: sudo apt-get install --no-install-recommends chromium" >&2
fi
exit 0
