#!/usr/bin/env bash
# The full test suite, as CI runs it: installs dependencies, builds once,
# runs the unit and end-to-end tests, then the sanitizer build and the fuzz
# corpus replay. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)

echo "== build"
scripts/build.sh build
echo "== test daemon (private dockerd for the integration tests)"
if dockerd_env=$(scripts/dockerd-test.sh start); then
  export "${dockerd_env?}"
  trap 'scripts/dockerd-test.sh stop' EXIT
else
  echo "no test daemon: the daemon integration tests will be skipped"
fi
echo "== test images (debootstrap rootfs, cached in build/test-images)"
scripts/make-test-images.sh build/test-images
echo "== tests"
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 600

echo "== sanitizers (ASan + UBSan)"
CC=clang CXX=clang++ scripts/build.sh build-asan -DVERN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 900 -LE integration

echo "== fuzz corpus replay"
scripts/fuzz.sh replay
