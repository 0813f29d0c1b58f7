#!/usr/bin/env bash
# Builds (once) and caches the Temporal tools that cannot be downloaded as binaries here:
#   - the Temporal CLI (dev server), built from the Go module proxy;
#   - the Java time-skipping test server, fetched from Maven Central, with an exec wrapper.
# Cached under $MOTCUA_CACHE (default ~/.cache/motcua), keyed by version, and reused.
# Prints the paths it provides. Skipped entirely when TEMPORAL_ADDRESS points at a server
# and MOTCUA_SKIP_TEST_SERVER=1.
set -euo pipefail

CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.31.0}"
CACHE="${MOTCUA_CACHE:-$HOME/.cache/motcua}"
CLI_DIR="$CACHE/temporal-cli-$CLI_VERSION"
TS_DIR="$CACHE/temporal-test-server-$TEST_SERVER_VERSION"

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

build_cli() {
  if [ -x "$CLI_DIR/bin/temporal" ]; then log "Temporal CLI $CLI_VERSION cached at $CLI_DIR/bin/temporal"; return; fi
  command -v go >/dev/null 2>&1 || die "Go is needed to build the Temporal CLI (install Go >= 1.23, e.g. from go.dev or your distribution), or set TEMPORAL_ADDRESS to an existing server."
  log "building Temporal CLI $CLI_VERSION from the Go module proxy (first time only, a few minutes)..."
  local start=$SECONDS tmp="$CLI_DIR.tmp.$$"
  mkdir -p "$tmp/bin"
  GOBIN="$tmp/bin" GOFLAGS=-mod=mod GOTOOLCHAIN="${GOTOOLCHAIN:-local}" \
    go install "github.com/temporalio/cli/cmd/temporal@$CLI_VERSION" \
    || die "go install github.com/temporalio/cli/cmd/temporal@$CLI_VERSION failed (see above)."
  rm -rf "$CLI_DIR"; mv "$tmp" "$CLI_DIR"
  log "Temporal CLI built in $((SECONDS - start)) s"
}

fetch_test_server() {
  if [ -x "$TS_DIR/temporal-test-server" ]; then log "time-skipping test server $TEST_SERVER_VERSION cached at $TS_DIR"; return; fi
  command -v java >/dev/null 2>&1 || die "Java (>= 11) is needed for the time-skipping test server: apt-get install -y openjdk-17-jre-headless"
  command -v mvn >/dev/null 2>&1 || die "Maven is needed to fetch the time-skipping test server: apt-get install -y maven"
  log "fetching io.temporal:temporal-test-server:$TEST_SERVER_VERSION from Maven Central..."
  local start=$SECONDS tmp="$TS_DIR.tmp.$$"
  mkdir -p "$tmp"
  cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>motcua</groupId><artifactId>temporal-test-server-fetch</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>$TEST_SERVER_VERSION</version></dependency>
  </dependencies>
</project>
POM
  (cd "$tmp" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib) \
    || die "mvn dependency:copy-dependencies failed for temporal-test-server $TEST_SERVER_VERSION (see above)."
  cat >"$tmp/temporal-test-server" <<WRAP
#!/usr/bin/env bash
# Wrapper so the TypeScript SDK can start the Java test server as an executable.
exec java \${MOTCUA_TEST_SERVER_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto} -cp "$TS_DIR/lib/*" io.temporal.testserver.TestServer "\$@"
WRAP
  chmod +x "$tmp/temporal-test-server"
  rm -rf "$TS_DIR"; mv "$tmp" "$TS_DIR"
  log "test server fetched in $((SECONDS - start)) s"
}

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then build_cli; fi
if [ "${MOTCUA_SKIP_TEST_SERVER:-0}" != 1 ]; then fetch_test_server; fi
echo "TEMPORAL_CLI=$CLI_DIR/bin/temporal"
echo "TEMPORAL_TEST_SERVER=$TS_DIR/temporal-test-server"
