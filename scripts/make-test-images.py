#!/usr/bin/env python3
"""Writes the test images used by vern's image integration tests and benchmark.

Usage: make-test-images.py OUT

Reads OUT/bookworm-rootfs.tar (debootstrap --variant=minbase) and
OUT/busybox-rootfs.tar (made by make-test-images.sh) and writes, for each, a `docker save` tar
(legacy layout, plain layer.tar files, manifest.json last), an OCI image layout
directory (gzip layers) and an oci-archive tar. The Debian image gets two more
layers: one adds a fake SSH key, a .env file and a setuid copy of a binary, the
next deletes the key with a whiteout, so the key is still in the image.
"""
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile

FAKE_KEY = (b"-----BEGIN OPENSSH PRIVATE KEY-----\n"
            b"dGhpcyBpcyBhIHRlc3QgZml4dHVyZSwgbm90IGEga2V5\n"
            b"-----END OPENSSH PRIVATE KEY-----\n")


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def tar_entries(entries):
    """A small layer from (path, kind, data, mode) tuples; kind is 'f', 'd' or 'wh'."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for path, kind, data, mode in entries:
            info = tarfile.TarInfo(path)
            info.mode = mode
            if kind == "d":
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            else:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def gz(data):
    return gzip.compress(data, compresslevel=6, mtime=0)


def make_config(diff_ids, history, env, ports, user=""):
    cfg = {"User": user, "Env": env, "Cmd": ["/bin/sh"]}
    if ports:
        cfg["ExposedPorts"] = {p: {} for p in ports}
    return json.dumps({
        "architecture": "amd64", "os": "linux", "config": cfg,
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created_by": h} for h in history],
    }, sort_keys=True).encode()


def write_docker_save(path, tag, config, plain_layers):
    with tarfile.open(path, "w") as t:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
        names = []
        for layer in plain_layers:
            lid = hashlib.sha256(layer).hexdigest()
            add(lid + "/layer.tar", layer)
            names.append(lid + "/layer.tar")
        cid = hashlib.sha256(config).hexdigest()
        add(cid + ".json", config)
        manifest = [{"Config": cid + ".json", "RepoTags": [tag], "Layers": names}]
        add("manifest.json", json.dumps(manifest).encode())


def write_oci(out_dir, tag, config, stored_layers, layer_type):
    if os.path.exists(out_dir):
        shutil.rmtree(out_dir)
    blobs = os.path.join(out_dir, "blobs", "sha256")
    os.makedirs(blobs)

    def put(data):
        d = sha(data)
        with open(os.path.join(blobs, d[7:]), "wb") as f:
            f.write(data)
        return {"digest": d, "size": len(data)}

    manifest = {
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": dict(put(config), mediaType="application/vnd.oci.image.config.v1+json"),
        "layers": [dict(put(l), mediaType=layer_type) for l in stored_layers],
    }
    m = put(json.dumps(manifest).encode())
    index = {"schemaVersion": 2, "manifests": [dict(
        m, mediaType="application/vnd.oci.image.manifest.v1+json",
        annotations={"org.opencontainers.image.ref.name": tag},
        platform={"os": "linux", "architecture": "amd64"})]}
    with open(os.path.join(out_dir, "index.json"), "w") as f:
        json.dump(index, f)
    with open(os.path.join(out_dir, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)


def write_oci_archive(path, layout_dir):
    with tarfile.open(path, "w") as t:
        for name in ["oci-layout", "index.json", "blobs"]:
            t.add(os.path.join(layout_dir, name), arcname=name)


def build(out, name, tag, plain_layers, history, env, ports):
    diff_ids = [sha(l) for l in plain_layers]
    config = make_config(diff_ids, history, env, ports)
    write_docker_save(os.path.join(out, name + ".docker.tar"), tag, config, plain_layers)
    layout = os.path.join(out, name + "-oci")
    write_oci(layout, tag.split(":")[-1], config, [gz(l) for l in plain_layers],
              "application/vnd.oci.image.layer.v1.tar+gzip")
    write_oci_archive(os.path.join(out, name + ".oci.tar"), layout)


def main():
    out = sys.argv[1]
    base = read_file(os.path.join(out, "bookworm-rootfs.tar"))
    add = tar_entries([
        ("root/.ssh", "d", b"", 0o700),
        ("root/.ssh/id_rsa", "f", FAKE_KEY, 0o600),
        ("app", "d", b"", 0o755),
        ("app/.env", "f", b"DB_PASSWORD=test-fixture\n", 0o644),
        ("app/run", "f", b"#!/bin/sh\n", 0o4755),
        ("app/shared", "d", b"", 0o777),
    ])
    remove = tar_entries([("root/.ssh/.wh.id_rsa", "f", b"", 0o644)])
    build(out, "bookworm", "vern-test/bookworm:latest", [base, add, remove],
          ["debootstrap --variant=minbase bookworm", "COPY app /app", "RUN rm /root/.ssh/id_rsa"],
          ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "DB_PASSWORD=test-fixture"], ["80/tcp"])
    busybox = read_file(os.path.join(out, "busybox-rootfs.tar"))
    build(out, "busybox", "vern-test/busybox:1.0", [busybox], ["COPY busybox /"],
          ["PATH=/bin"], [])


if __name__ == "__main__":
    main()
