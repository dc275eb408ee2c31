#!/usr/bin/env python3
"""Writes a benchmark corpus of Dockerfiles and deploy scripts.

Usage: bench/gen_dockerfiles.py OUT_DIR [--dockerfiles N] [--scripts N] [--seed S]

The files are deterministic for a seed and look like real ones: multi-stage
builds, ARG substitution, continued RUN lines with comments inside, here-docs,
exec and shell form, plus scripts with `docker run` lines in several spellings.
Each Dockerfile is written to its own folder (OUT_DIR/dockerfiles/NNNN/Dockerfile),
half of them with a .dockerignore beside it.
"""
import argparse
import os
import random

BASES = ["debian:12-slim", "ubuntu:22.04", "alpine:3.19", "node:20", "python:3.12-slim",
         "golang:1.22", "nginx", "redis:7", "eclipse-temurin:21-jre",
         "gcr.io/distroless/static@sha256:" + "a" * 64, "registry.example.com/base/app:2.1"]
PACKAGES = ["curl", "ca-certificates", "git", "build-essential", "sudo", "tini", "openssl",
            "libpq-dev", "jq", "unzip"]


def run_line(rng):
    kind = rng.randrange(6)
    pkgs = " ".join(rng.sample(PACKAGES, 3))
    if kind == 0:
        return ("RUN apt-get update \\\n"
                "    # keep the layer small\n"
                f" && apt-get install -y --no-install-recommends {pkgs} \\\n"
                " && rm -rf /var/lib/apt/lists/*\n")
    if kind == 1:
        return f"RUN apk add --no-cache {pkgs}\n"
    if kind == 2:
        return "RUN curl -fsSL https://get.example.com/install.sh | sh -s -- --yes\n"
    if kind == 3:
        return "RUN <<EOF\nset -eu\nmkdir -p /app/data\nchown -R 10001 /app\nEOF\n"
    if kind == 4:
        return 'RUN ["sh", "-c", "echo building && make -j2"]\n'
    return "RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt\n"


def dockerfile(rng):
    out = []
    if rng.random() < 0.3:
        out.append("# syntax=docker/dockerfile:1\n")
    out.append(f"ARG VERSION={rng.randrange(1, 20)}.{rng.randrange(10)}\n")
    stages = rng.randrange(1, 4)
    for s in range(stages):
        base = rng.choice(BASES) if s == 0 or rng.random() < 0.5 else f"stage{s - 1}"
        out.append(f"FROM {base} AS stage{s}\n")
        out.append("WORKDIR /app\n")
        for _ in range(rng.randrange(2, 7)):
            r = rng.random()
            if r < 0.45:
                out.append(run_line(rng))
            elif r < 0.6:
                out.append("COPY . .\n" if rng.random() < 0.3 else "COPY src/ ./src/\n")
            elif r < 0.7:
                out.append(f"ENV APP_ENV=production PORT={rng.choice([80, 8080, 3000])}\n")
            elif r < 0.8:
                out.append("ARG NPM_TOKEN\n" if rng.random() < 0.2 else "ARG BUILD_DATE\n")
            elif r < 0.9:
                out.append("ADD https://example.com/tool.tgz /opt/\n")
            else:
                out.append(f"EXPOSE {rng.choice([80, 443, 8080, 5432])}\n")
        if s > 0 and rng.random() < 0.5:
            out.append(f"COPY --from=stage{s - 1} /app/out /app/out\n")
    if rng.random() < 0.6:
        out.append(f"USER {rng.choice(['10001', 'app', 'root', '10001:10001'])}\n")
    if rng.random() < 0.4:
        out.append("HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n")
    out.append('CMD ["/app/start"]\n')
    return "".join(out)


def script(rng):
    out = ["#!/bin/sh\n", "set -eu\n", f"IMAGE=registry.example.com/app:{rng.randrange(1, 9)}\n"]
    for _ in range(rng.randrange(1, 5)):
        flags = rng.sample([
            "-d", "--rm", "-it", "--name web", "-p 8080:80", "-p 127.0.0.1:5432:5432",
            "-v /srv/data:/data:ro", "-v /var/run/docker.sock:/var/run/docker.sock",
            "--read-only", "--cap-drop ALL", "--security-opt no-new-privileges",
            "-u 10001", "--memory 512m", "--cpus 1", "--pids-limit 200",
            "--network backend", "-e API_TOKEN=abc", "--privileged"], 5)
        lines = " \\\n  ".join(flags)
        out.append(f"docker run {lines} \\\n  \"$IMAGE\" serve --port 80\n")
        out.append("echo started\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--dockerfiles", type=int, default=2000)
    ap.add_argument("--scripts", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for i in range(args.dockerfiles):
        d = os.path.join(args.out, "dockerfiles", f"{i:05d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "Dockerfile"), "w") as f:
            f.write(dockerfile(rng))
        if i % 2 == 0:
            with open(os.path.join(d, ".dockerignore"), "w") as f:
                f.write(".git\n.env\n")
    sd = os.path.join(args.out, "scripts")
    os.makedirs(sd, exist_ok=True)
    for i in range(args.scripts):
        with open(os.path.join(sd, f"deploy{i:05d}.sh"), "w") as f:
            f.write(script(rng))


if __name__ == "__main__":
    main()
