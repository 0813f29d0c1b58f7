#!/usr/bin/env bash
# Makes (once) a local test PKI for signing documents in development and tests: a root CA and
# an agency signing certificate issued by it, bundled as PKCS#12. Production never uses it: the
# agency's own certificate comes from SIGNING_P12_PATH / SIGNING_P12_PASSWORD (docs/signing.md).
# Cached under $MOTCUA_CACHE/pki (default ~/.cache/motcua/pki), outside the repository.
# Prints the paths it provides.
set -euo pipefail

CACHE="${MOTCUA_CACHE:-$HOME/.cache/motcua}"
DIR="${MOTCUA_PKI_DIR:-$CACHE/pki}"
PASSWORD="${MOTCUA_PKI_PASSWORD:-motcua-dev}"

log() { printf '[setup:pki] %s\n' "$*" >&2; }
die() { printf '[setup:pki] ERROR: %s\n' "$*" >&2; exit 1; }

make_pki() {
  if [ -s "$DIR/signing.p12" ]; then log "test signing certificate cached at $DIR/signing.p12"; return; fi
  command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the test certificates: apt-get install -y openssl"
  local tmp="$DIR.tmp.$$"
  mkdir -p "$tmp"
  # Subjects are UTF-8: the agency's name is Vietnamese.
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -utf8 \
    -subj "/C=VN/O=motcua/CN=motcua test CA (không dùng thật)" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$tmp/ca.key" -out "$tmp/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -sha256 -utf8 \
    -subj "/C=VN/ST=Lào Cai/O=UBND tỉnh Lào Cai/CN=Bộ phận Một cửa (thử nghiệm)" \
    -keyout "$tmp/signing.key" -out "$tmp/signing.csr" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' >"$tmp/ext.cnf"
  openssl x509 -req -in "$tmp/signing.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -CAcreateserial \
    -days 1825 -sha256 -extfile "$tmp/ext.cnf" -out "$tmp/signing.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$tmp/signing.key" -in "$tmp/signing.pem" -certfile "$tmp/ca.pem" \
    -passout "pass:$PASSWORD" -out "$tmp/signing.p12"
  rm -f "$tmp/signing.csr" "$tmp/ext.cnf" "$tmp/ca.srl"
  chmod 600 "$tmp"/*.key "$tmp/signing.p12"
  rm -rf "$DIR"; mv "$tmp" "$DIR"
  log "test signing certificate made at $DIR/signing.p12"
}

make_pki
echo "SIGNING_P12_PATH=$DIR/signing.p12"
echo "SIGNING_P12_PASSWORD=$PASSWORD"
echo "SIGNING_CA_PATH=$DIR/ca.pem"
