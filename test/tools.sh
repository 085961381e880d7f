# Sourced by test.sh: provisions the programs the end-to-end tests run (pwsh, git-lfs, 7z) into the
# git-ignored .tools/ folder, without root, and prepends their folders to PATH for the test processes.
# A program the machine already has is used as is. Idempotent: a second run only checks versions.
# Needs only the .NET SDK (pwsh comes from NuGet) and apt-get (git-lfs and 7z from the Debian archive).

tools_dir="$root/.tools"

# tools_log FILE: what a failed command printed, for the failure message.
tools_log() { [[ -s "$1" ]] && sed 's/^/    /' "$1" | tail -20 >&2; }

# apt_fetch PACKAGE DEST: downloads a Debian package as the current user and extracts it into DEST.
# When the machine's package lists are missing (a fresh container), it reads its own copy of them.
apt_fetch() {
  local package="$1" dest="$2" work log
  work="$(mktemp -d)"; log="$work/apt.log"
  local -a apt=(apt-get -q -o APT::Sandbox::User=root)
  if ! (cd "$work" && "${apt[@]}" download "$package") >"$log" 2>&1; then
    mkdir -p "$tools_dir/apt/lists/partial" "$tools_dir/apt/cache/archives/partial"
    apt+=(-o "Dir::State::Lists=$tools_dir/apt/lists" -o "Dir::Cache=$tools_dir/apt/cache" -o Debug::NoLocking=1)
    if ! { "${apt[@]}" update && (cd "$work" && "${apt[@]}" download "$package"); } >>"$log" 2>&1; then
      tools_log "$log"; rm -rf "$work"; return 1
    fi
  fi
  rm -rf "$dest" && mkdir -p "$dest" && dpkg -x "$work"/"$package"_*.deb "$dest"
  local status=$?
  rm -rf "$work"
  return $status
}

provision_pwsh() {
  local bin="$tools_dir/pwsh" log
  if command -v pwsh >/dev/null 2>&1 && pwsh -v >/dev/null 2>&1; then return 0; fi
  if ! "$bin/pwsh" -v >/dev/null 2>&1; then
    log="$(mktemp)"
    rm -rf "$bin"
    if ! dotnet tool install PowerShell --version 7.6.10 --tool-path "$bin" >"$log" 2>&1 || ! "$bin/pwsh" -v >>"$log" 2>&1; then
      tools_log "$log"; rm -f "$log"
      fail_setup "Could not install PowerShell 7.6.10 with 'dotnet tool install PowerShell --tool-path .tools/pwsh' (needs the NuGet registry)."
    fi
    rm -f "$log"
  fi
  PATH="$bin:$PATH"
}

provision_git_lfs() {
  local dest="$tools_dir/git-lfs"
  if git lfs version >/dev/null 2>&1; then return 0; fi
  if ! "$dest/usr/bin/git-lfs" version >/dev/null 2>&1; then
    apt_fetch git-lfs "$dest" && "$dest/usr/bin/git-lfs" version >/dev/null 2>&1 ||
      fail_setup "Could not provision git-lfs: 'apt-get download git-lfs' and 'dpkg -x' into .tools/git-lfs failed (needs the Debian package registry)."
  fi
  PATH="$dest/usr/bin:$PATH"
}

# p7zip-full ships /usr/lib/p7zip/7z (which loads 7z.so from its own folder) and 7za; its /usr/bin/7z
# is a script with the absolute /usr/lib path, so the extracted lib folder itself goes on PATH.
provision_7z() {
  local dest="$tools_dir/7z"
  if command -v 7z >/dev/null 2>&1 || command -v 7za >/dev/null 2>&1; then return 0; fi
  if ! "$dest/usr/lib/p7zip/7z" i >/dev/null 2>&1; then
    apt_fetch p7zip-full "$dest" && "$dest/usr/lib/p7zip/7z" i >/dev/null 2>&1 ||
      fail_setup "Could not provision 7z: 'apt-get download p7zip-full' and 'dpkg -x' into .tools/7z failed (needs the Debian package registry)."
  fi
  PATH="$dest/usr/lib/p7zip:$PATH"
}

provision_pwsh
provision_git_lfs
provision_7z
export PATH
