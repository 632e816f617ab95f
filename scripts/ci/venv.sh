# Sourced by the scripts that run a pinned Python tool (Slither, Halmos) so a fresh clone installs it itself.
# ensure_venv VENV "TOOL ARGS" "EXPECTED LINE" PACKAGE...: unless VENV/bin/TOOL ARGS prints EXPECTED LINE, creates
# VENV (git-ignored) and pip-installs the pinned PACKAGEs into it. Each tool keeps its own venv, so neither's
# pins move the other's.
ensure_venv() {
  local venv=$1 probe=$2 expected=$3
  shift 3
  if ! "$venv/bin/"$probe 2>/dev/null | grep -qx "$expected"; then
    echo "installing $* into $venv" >&2
    python3 -m venv --clear "$venv" # --clear: a venv copied or moved from elsewhere has broken paths
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
  fi
}
