#!/usr/bin/env bash
# Installs what OCR and the ingest tests need from Debian, offline at run time after this:
#   tesseract-ocr-vie  Vietnamese trained data (vie.traineddata) for tesseract.js, found under
#                      /usr/share/tesseract-ocr/*/tessdata; nothing is downloaded when chidao runs
#   poppler-utils      pdftoppm, renders test pages independently of the code under test
#   imagemagick        scan degradations (skew, blur, noise, JPEG) for the test fixtures
#   fonts-dejavu-core  a font with Vietnamese glyphs for the text-layer PDF fixture
set -u
. "$(dirname "$0")/lib/debian-packages.sh"
install_debian_packages setup-ocr tesseract-ocr-vie poppler-utils imagemagick fonts-dejavu-core
