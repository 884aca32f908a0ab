#!/usr/bin/env bash
# Writes the base image of OriginBridge's Jib images as a Docker-format image tarball, with no Docker
# daemon and no registry: a jlink'ed JRE of the local JDK (/opt/java), the shared libraries it links
# against (copied from this machine), /etc/passwd with the user 10001, /tmp and /app.
#   deploy/images/build-base-image.sh [OUTPUT]      (default target/images/base-jre.tar)
# The tarball is what `./mvnw -Pimages ...` builds on (Jib's from.image tar://...), and `docker load -i`
# accepts it too (image originbridge/base-jre:17). The JRE finds its own libraries through
# /proc/self/exe, which every container runtime mounts. It holds this machine's glibc: build the images on
# the Linux distribution family you run them on (amd64 or arm64 follows this machine). Needs: a JDK 17+
# with jlink, ldd, tar, python3. docs/deployment.md "Images".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/target/images/base-jre.tar}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in "$JAVA_HOME/bin/jlink" ldd tar python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
mkdir -p "$ROOTFS/opt" "$ROOTFS/etc" "$ROOTFS/tmp" "$ROOTFS/app" "$(dirname "$OUT")"

echo "jlink: JRE of $JAVA_HOME"
# java.se: every java.* module (Spring needs java.desktop's java.beans, java.sql, java.naming, ...);
# jdk.crypto.ec for ES256, jdk.unsupported for Kafka/Netty, jdk.management for metrics.
"$JAVA_HOME/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$ROOTFS/opt/java"

echo "shared libraries"
libs="$(find "$ROOTFS/opt/java" \( -name '*.so' -o -path '*/bin/*' \) -type f -exec ldd {} \; 2>/dev/null \
        | awk '/=> \//{print $3} /^\s*\/.*ld-linux/{print $1}' | grep -v "^$ROOTFS" | sort -u)"
for lib in $libs; do
  real="$(readlink -f "$lib")"
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp "$real" "$ROOTFS$lib"
done
# the dynamic loader at the path the binaries name (/lib64/ld-linux-x86-64.so.2 or /lib/ld-linux-aarch64.so.1)
interp="$(ldd "$ROOTFS/opt/java/bin/java" | awk '/ld-linux/{print $1}' | head -n1)"
if [[ -n "$interp" && ! -e "$ROOTFS$interp" ]]; then
  mkdir -p "$ROOTFS$(dirname "$interp")"
  cp "$(readlink -f "$interp")" "$ROOTFS$interp"
fi
printf 'root:x:0:0:root:/root:/sbin/nologin\noriginbridge:x:10001:10001::/app:/sbin/nologin\n' > "$ROOTFS/etc/passwd"
printf 'root:x:0:\noriginbridge:x:10001:\n' > "$ROOTFS/etc/group"
chmod 1777 "$ROOTFS/tmp"

echo "image tarball"
tar --numeric-owner --owner=0 --group=0 --mtime='1970-01-01 00:00:01' --sort=name -C "$ROOTFS" -cf "$WORK/layer.tar" .
python3 - "$WORK" "$OUT" "$(uname -m)" "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/{print $2}')" <<'PY'
import hashlib, json, os, sys, tarfile
work, out, machine, java_version = sys.argv[1:5]
arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)
layer = os.path.join(work, "layer.tar")
digest = hashlib.sha256(open(layer, "rb").read()).hexdigest()
config = {
    "architecture": arch, "os": "linux", "created": "1970-01-01T00:00:00Z",
    "config": {
        "Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
        "User": "10001:10001", "WorkingDir": "/app",
        "Labels": {"org.opencontainers.image.description": "OriginBridge base: jlink'ed JRE " + java_version,
                   "org.opencontainers.image.licenses": "GPL-2.0-with-classpath-exception"},
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest]},
    "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/images/build-base-image.sh"}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = [{"Config": config_name, "RepoTags": ["originbridge/base-jre:17"], "Layers": [digest + "/layer.tar"]}]
with tarfile.open(out, "w") as tar:
    def add(name, data):
        info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1
        import io; tar.addfile(info, io.BytesIO(data))
    add(config_name, config_bytes)
    tar.add(layer, arcname=digest + "/layer.tar")
    add("manifest.json", json.dumps(manifest).encode())
print(f"   {out}: originbridge/base-jre:17 ({arch}), layer sha256:{digest[:12]}, {os.path.getsize(out) // (1024 * 1024)} MB")
PY
