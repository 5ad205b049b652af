#!/usr/bin/env bash
# Installs LibreOffice Calc without its GUI (libreoffice-calc-nogui, about 40 s)
# for the test that opens the project's CSV in a spreadsheet, converts it to
# .xlsx and checks no cell became a formula (test/office.test.ts).
set -u
. "$(dirname "$0")/lib/debian-packages.sh"
install_debian_packages setup-office libreoffice-calc-nogui
