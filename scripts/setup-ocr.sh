#!/usr/bin/env bash
# Installs what OCR and the ingest tests need from Debian, offline at run time after this:
#   tesseract-ocr-vie  Vietnamese trained data (vie.traineddata) for tesseract.js, found under
#                      /usr/share/tesseract-ocr/*/tessdata; nothing is downloaded when chidao runs
#   poppler-utils      pdftoppm, renders test pages independently of the code under test
#   imagemagick        scan degradations (skew, blur, noise, JPEG) for the test fixtures
#   fonts-dejavu-core  a font with Vietnamese glyphs for the text-layer PDF fixture
# Idempotent; exits 0 with a message (not an error) where it cannot install, so `npm ci` still works.
set -u
packages=(tesseract-ocr-vie poppler-utils imagemagick fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "setup-ocr: all present (${packages[*]})"; exit 0; }

if ! command -v apt-get >/dev/null; then
  echo "setup-ocr: not a Debian system; install Vietnamese tesseract data yourself and pass --tessdata DIR (needs vie.traineddata). Missing: ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "setup-ocr: not root; run: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# Update the lists only when the packages are not known yet (a fresh machine).
apt-cache show "${missing[0]}" >/dev/null 2>&1 || $sudo apt-get update -qq
if $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "setup-ocr: installed ${missing[*]}"
else
  echo "setup-ocr: could not install ${missing[*]}; run: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
fi
exit 0
