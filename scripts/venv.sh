# Sourced by serve.sh and test.sh: makes .venv hold the project with the extras asked for, quickly.
#   pa_venv "EXTRAS"   (comma-separated, e.g. "dev" or "dev,st"; "" for the plain install)
# A .venv made by another Python is replaced. The install is skipped when pyproject.toml (by its
# hash), the Python and the extras are those of the last install, recorded in .venv/.pa-installed.
pa_venv() {
  local extras="$1" python="${PA_PYTHON:-python3}" stamp=".venv/.pa-installed"
  local want_python have_python pyhash wanted installed missing spec
  want_python="$("$python" -c 'import sys; print(sys.version)')"
  if [ -d .venv ]; then
    have_python="$(.venv/bin/python -c 'import sys; print(sys.version)' 2>/dev/null || true)"
    if [ "$have_python" != "$want_python" ]; then
      echo "The .venv was made by another Python (${have_python:-unusable}); recreating it with $want_python" >&2
      rm -rf .venv
    fi
  fi
  [ -d .venv ] || "$python" -m venv .venv
  pyhash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  installed=""
  if [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$pyhash" ]; then
    installed="$(sed -n 2p "$stamp")"
    missing=""
    for extra in ${extras//,/ }; do
      case ",$installed," in *",$extra,"*) ;; *) missing=1 ;; esac
    done
    if [ -z "$missing" ]; then
      return 0
    fi
  fi
  wanted="$(printf '%s\n' ${extras//,/ } ${installed//,/ } | sort -u | paste -sd, -)"
  spec="."
  [ -n "$wanted" ] && spec=".[$wanted]"
  echo "Installing the project into .venv ($spec) ..." >&2
  pa_pip install -q -e "$spec"
  printf '%s\n%s\n' "$pyhash" "$wanted" > "$stamp"
}

# pip in .venv; its stderr is shown without the warning a package index location of the machine's pip
# configuration gives for each package when that location does not exist (one line per package and
# location, e.g. "WARNING: Location 'file:///opt/…/simple/jieba/' is ignored: it is neither a file nor a
# directory."). Every other line, errors included, is shown; pip's exit status is returned.
pa_pip() {
  local errors status=0
  errors="$(mktemp)"
  .venv/bin/python -m pip "$@" 2>"$errors" || status=$?
  grep -v "^WARNING: Location '.*' is ignored: it is neither a file nor a directory\.$" "$errors" >&2 || true
  rm -f "$errors"
  return "$status"
}
