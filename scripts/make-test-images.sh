#!/usr/bin/env bash
# Builds the images the image integration tests and benchmark read, without a
# registry: a busybox rootfs from Debian's busybox-static and a Debian 12
# rootfs from debootstrap, each written as a `docker save` tar, an OCI layout
# and an oci-archive (scripts/make-test-images.py). With a reachable Docker
# daemon the Debian rootfs is also imported into it and written back by
# `docker save` and `skopeo copy` (bookworm-import.docker.tar,
# bookworm-skopeo-oci, bookworm-skopeo.oci.tar).
# Usage: scripts/make-test-images.sh [OUT]   (default: build/test-images)
# The rootfs builds are cached in OUT; delete it to rebuild. debootstrap and
# reading the rootfs need root: sudo is used when not running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/test-images}
mirror=${VERN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$out"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
# The rootfs as one uncompressed tar, as a builder would export it.
rootfs_tar() {  # DIR TAR
  "${sudo_cmd[@]}" tar --numeric-owner --sort=name --mtime=@0 --exclude=./.done \
    -C "$1" -cf - . >"$2"
}

if [[ ! -f $out/busybox-rootfs/.done ]]; then
  rm -rf "$out/busybox-rootfs"
  mkdir -p "$out/busybox-rootfs/bin" "$out/busybox-rootfs/etc" "$out/busybox-rootfs/tmp"
  chmod 1777 "$out/busybox-rootfs/tmp"
  cp /bin/busybox "$out/busybox-rootfs/bin/busybox"
  for applet in sh ls cat echo; do ln -s busybox "$out/busybox-rootfs/bin/$applet"; done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$out/busybox-rootfs/etc/passwd"
  rootfs_tar "$out/busybox-rootfs" "$out/busybox-rootfs.tar"
  touch "$out/busybox-rootfs/.done"
fi
[[ -f $out/busybox-rootfs.tar ]] || rootfs_tar "$out/busybox-rootfs" "$out/busybox-rootfs.tar"

if [[ ! -f $out/bookworm-rootfs/.done ]]; then
  rm -rf "$out/bookworm-rootfs" "$out/bookworm-rootfs.tmp"
  echo "debootstrap --variant=minbase bookworm from $mirror (takes a minute or two)"
  "${sudo_cmd[@]}" debootstrap --variant=minbase bookworm "$out/bookworm-rootfs.tmp" "$mirror" \
    >"$out/debootstrap.log" 2>&1 || { tail -20 "$out/debootstrap.log"; exit 1; }
  # Keep the package cache out of the image, as image builds do.
  "${sudo_cmd[@]}" sh -c 'rm -f "$1"/var/cache/apt/archives/*.deb' sh "$out/bookworm-rootfs.tmp"
  "${sudo_cmd[@]}" mv "$out/bookworm-rootfs.tmp" "$out/bookworm-rootfs"
  rootfs_tar "$out/bookworm-rootfs" "$out/bookworm-rootfs.tar"
  "${sudo_cmd[@]}" touch "$out/bookworm-rootfs/.done"
fi
[[ -f $out/bookworm-rootfs.tar ]] || rootfs_tar "$out/bookworm-rootfs" "$out/bookworm-rootfs.tar"

# What dpkg itself says is installed, asked inside the rootfs (its own
# dpkg-query and database): the integration tests compare vern's inventory to it.
"${sudo_cmd[@]}" chroot "$out/bookworm-rootfs" \
  dpkg-query -W -f='${Package} ${Version} ${Architecture}\n' >"$out/bookworm.dpkg-query.txt"

if [[ ! -f $out/images.done || scripts/make-test-images.py -nt $out/images.done ]]; then
  python3 scripts/make-test-images.py "$out"
  touch "$out/images.done"
fi
# With a reachable Docker daemon ($DOCKER_HOST or the default socket), load the
# busybox image so the daemon integration test can stream it back, and write
# the Debian rootfs again with the real tools, so the reader is also checked on
# archives it did not write: `docker import` + `docker save`, and skopeo's OCI
# layout and oci-archive (gzip layers, OCI config).
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  docker load -i "$out/busybox.docker.tar" >/dev/null && echo "loaded vern-test/busybox:1.0 into the daemon"
  imported=vern-test/bookworm-import:12
  if [[ ! -f $out/bookworm-import.done || $out/bookworm-rootfs.tar -nt $out/bookworm-import.done ]] ||
    ! docker image inspect "$imported" >/dev/null 2>&1; then
    rm -rf "$out/bookworm-import.docker.tar" "$out/bookworm-skopeo-oci" "$out/bookworm-skopeo.oci.tar"
    docker import "$out/bookworm-rootfs.tar" "$imported" >/dev/null
    docker save -o "$out/bookworm-import.docker.tar" "$imported"
    if command -v skopeo >/dev/null 2>&1; then
      daemon=${DOCKER_HOST:-unix:///var/run/docker.sock}
      skopeo copy -q --src-daemon-host "$daemon" "docker-daemon:$imported" \
        "oci:$out/bookworm-skopeo-oci:12"
      skopeo copy -q --src-daemon-host "$daemon" "docker-daemon:$imported" \
        "oci-archive:$out/bookworm-skopeo.oci.tar:12"
    else
      echo "skopeo is not installed: no skopeo-made OCI images (apt-get install skopeo)"
    fi
    touch "$out/bookworm-import.done"
  fi
  echo "imported $imported (docker save and skopeo copies in $out)"
fi
echo "test images in $out"
