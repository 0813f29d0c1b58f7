"""Downloads the pinned jars of the time-skipping test server side by side, checking each sha256.

Maven resolves the same set one POM after another (about a minute from an empty ~/.m2); the list
is known in advance (scripts/temporal-test-server.lock), so the jars come in parallel in seconds.

Usage: fetch-test-server-jars.py LOCK VERSION OUT_DIR
Exit 0: all jars in OUT_DIR. Exit 2: this way is not available (no pin for the version, a Maven
mirror is configured, a download failed): run Maven instead. Exit 3: a jar's hash differs from
its pin: stop, never run it.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import sys
import urllib.request
import zipfile
from concurrent.futures import ThreadPoolExecutor

UNAVAILABLE, MISMATCH = 2, 3


def log(msg: str) -> None:
    print(f"[setup] {msg}", file=sys.stderr)


def maven_home() -> str | None:
    mvn = shutil.which("mvn")
    return os.path.dirname(os.path.dirname(os.path.realpath(mvn))) if mvn else None


def central_url(home: str) -> str | None:
    """The repository URL of Maven's own super POM: where `mvn` itself would download from."""
    for jar in glob.glob(os.path.join(home, "lib", "maven-model-builder-*.jar")):
        with zipfile.ZipFile(jar) as z:
            pom = z.read("org/apache/maven/model/pom-4.0.0.xml").decode()
        m = re.search(r"<repositories>.*?<url>\s*(\S+?)\s*</url>", pom, re.S)
        if m:
            return m.group(1).rstrip("/")
    return None


def mirrored(home: str) -> bool:
    """Whether a settings.xml sends the default repository elsewhere (then Maven must fetch)."""
    for path in (os.path.expanduser("~/.m2/settings.xml"), os.path.join(home, "conf", "settings.xml")):
        try:
            text = re.sub(r"<!--.*?-->", "", open(path, encoding="utf-8").read(), flags=re.S)
        except OSError:
            continue
        for mirror in re.findall(r"<mirror>(.*?)</mirror>", text, re.S):
            of = re.search(r"<mirrorOf>(.*?)</mirrorOf>", mirror, re.S)
            targets = [t.strip() for t in (of.group(1) if of else "").split(",")]
            if "<blocked>true</blocked>" not in mirror and any(t in ("*", "central", "external:*") for t in targets):
                return True
    return False


def main(lock: str, version: str, out: str) -> int:
    pins = []
    for line in open(lock, encoding="utf-8"):
        fields = line.split()
        if len(fields) == 3 and not fields[0].startswith("#") and fields[0] == version:
            pins.append((fields[1], fields[2]))
    if not pins:
        log(f"no pinned jar list for test server {version}")
        return UNAVAILABLE
    home = maven_home()
    base = central_url(home) if home else None
    if not base or mirrored(home):
        log("Maven's default repository is not used as is here (mirror or unknown Maven)")
        return UNAVAILABLE
    os.makedirs(out, exist_ok=True)

    def fetch(pin: tuple[str, str]) -> str | None:
        group, artifact, ver = pin[0].split(":")
        name = f"{artifact}-{ver}.jar"
        url = f"{base}/{group.replace('.', '/')}/{artifact}/{ver}/{name}"
        with urllib.request.urlopen(url, timeout=60) as res:
            data = res.read()
        if hashlib.sha256(data).hexdigest() != pin[1]:
            return f"{name}: sha256 {hashlib.sha256(data).hexdigest()}, pinned {pin[1]}"
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        return None

    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            mismatches = [m for m in pool.map(fetch, pins) if m]
    except OSError as err:  # URLError and HTTPError are OSErrors
        log(f"downloading the test server jars failed: {err}")
        return UNAVAILABLE
    if mismatches:
        for m in mismatches:
            log(f"ERROR: {m} ({os.path.basename(lock)})")
        return MISMATCH
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
