#!/bin/sh
# An insecure deploy script: `vern scan examples/` reports each container launch.
set -eu

IMAGE=registry.example.com/shop/web:1.4

docker run -d --name web \
  -p 8080:8080 \
  -p 5432:5432 \
  -v /var/run/docker.sock:/var/run/docker.sock \
  -e API_TOKEN=s3cr3t \
  --privileged \
  "$IMAGE"

# A typo: `--d` is not a flag, so this line fails.
docker run --d --name cache redis:7
