# Sourced by the set-up scripts: install_debian_packages TAG PACKAGE… installs
# from Debian's archive those not installed yet. Idempotent; prints one line;
# returns 0 with a message (not an error) where it cannot install, so
# `npm ci` and `npm test` still run and the tests that need the package say why they skip.
install_debian_packages() {
  local tag=$1; shift
  local missing=() p sudo=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && { echo "$tag: all present ($*)"; return 0; }
  if ! command -v apt-get >/dev/null; then
    echo "$tag: not a Debian system; install yourself: ${missing[*]}" >&2
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "$tag: not root; run: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
      return 0
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Update the lists only when the packages are not known yet (a fresh machine).
  apt-cache show "${missing[0]}" >/dev/null 2>&1 || $sudo apt-get update -qq
  if $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "$tag: installed ${missing[*]}"
  else
    echo "$tag: could not install ${missing[*]}; run: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  fi
  return 0
}
