#!/usr/bin/env bash
# Installs what the review page's browser tests need from Debian:
#   chromium  driven headless by playwright-core at /usr/bin/chromium (test/review.test.ts,
#             scripts/screenshot-review.ts); playwright downloads no browser of its own
# Without it the browser tests skip and say why. `npm test` runs this first (pretest), in CI too.
set -u
. "$(dirname "$0")/lib/debian-packages.sh"
install_debian_packages setup-browser chromium
