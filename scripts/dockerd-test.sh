#!/usr/bin/env bash
# Starts or stops a private Docker daemon for the integration tests: its own
# data root, exec root, pidfile and socket, all under $VERN_DOCKERD_DIR
# (default: /tmp/vern-dockerd). It never touches the system daemon.
#
#   scripts/dockerd-test.sh start   # prints DOCKER_HOST=unix://... when ready
#   scripts/dockerd-test.sh stop
#
# The daemon runs without iptables or the default bridge (sandboxes and CI
# runners often lack them) and with the vfs storage driver unless
# VERN_DOCKERD_STORAGE says otherwise. Needs root (sudo is used when not root).
set -euo pipefail
dir=${VERN_DOCKERD_DIR:-/tmp/vern-dockerd}
sock=$dir/docker.sock
pidfile=$dir/dockerd.pid
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

running() {
  [[ -f $pidfile ]] && "${sudo_cmd[@]}" kill -0 "$(cat "$pidfile")" 2>/dev/null
}

case ${1:-} in
start)
  mkdir -p "$dir"
  if running; then
    echo "DOCKER_HOST=unix://$sock"
    exit 0
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "dockerd-test: dockerd is not installed (scripts/install-deps.sh installs docker.io)" >&2
    exit 1
  fi
  "${sudo_cmd[@]}" rm -f "$sock"
  # setsid: the daemon outlives this script and is stopped by `stop`.
  "${sudo_cmd[@]}" setsid dockerd \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$pidfile" \
    --host "unix://$sock" --iptables=false --ip6tables=false --bridge=none \
    --storage-driver "${VERN_DOCKERD_STORAGE:-vfs}" \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 100); do
    if [[ -S $sock ]] && DOCKER_HOST=unix://$sock docker version >/dev/null 2>&1; then
      "${sudo_cmd[@]}" chmod 660 "$sock"
      echo "DOCKER_HOST=unix://$sock"
      exit 0
    fi
    sleep 0.2
  done
  echo "dockerd-test: the daemon did not become ready; last lines of $dir/dockerd.log:" >&2
  tail -20 "$dir/dockerd.log" >&2 || true
  exit 1
  ;;
stop)
  if running; then
    pid=$(cat "$pidfile")
    "${sudo_cmd[@]}" kill "$pid"
    for _ in $(seq 1 100); do
      "${sudo_cmd[@]}" kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  "${sudo_cmd[@]}" rm -f "$sock" "$pidfile"
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
