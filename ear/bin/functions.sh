# Shared by ear/bin/run and ear/bin/test (sourced, not run).
# shellcheck shell=bash

VERBATIM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WILDFLY_HOME="$VERBATIM_ROOT/ear/target/server"
EAR="$VERBATIM_ROOT/ear/target/verbatim.ear"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs the Debian packages that are missing (as root, or through sudo).
need_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# start_server CONFIG DATA_DIR BIND PORT_OFFSET LOG_FILE: starts WildFly in its own process group and
# deploys the EAR; sets SERVER_PID. The caller must call stop_server (trap) whatever happens.
start_server() {
  local config=$1 data=$2 bind=$3 offset=$4 log=$5
  # recordings, keys and logs are the server user's alone: files 0600, folders 0700
  local was; was=$(umask); umask 077
  mkdir -p "$data/log"; chmod 700 "$data"
  local deployments="$WILDFLY_HOME/standalone/deployments"
  rm -f "$deployments"/verbatim.ear*
  cp "$EAR" "$deployments/verbatim.ear"
  LAUNCH_JBOSS_IN_BACKGROUND=1 setsid "$WILDFLY_HOME/bin/standalone.sh" -c "$config" \
    -b "$bind" -Djboss.socket.binding.port-offset="$offset" \
    -Dverbatim.data.dir="$data" -Djboss.server.data.dir="$data/server" -Djboss.server.log.dir="$data/log" \
    >"$log" 2>&1 &
  SERVER_PID=$!
  umask "$was"
}

# Waits until the EAR is deployed; fails when the deployment or the server fails.
wait_deployed() {
  local deployments="$WILDFLY_HOME/standalone/deployments" waited=0
  while [ ! -e "$deployments/verbatim.ear.deployed" ]; do
    if [ -e "$deployments/verbatim.ear.failed" ]; then
      echo "Deployment failed:" >&2; cat "$deployments/verbatim.ear.failed" >&2; return 1
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "WildFly stopped during start-up" >&2; return 1
    fi
    if [ $waited -ge 300 ]; then
      echo "WildFly did not deploy Verbatim within 300 s" >&2; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
}

# Stops the server started by start_server (its whole process group) and waits for it.
stop_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# A port offset (from 1000 up) at which WildFly's HTTP and management ports are both free.
free_port_offset() {
  python3 - "$@" <<'PY'
import socket
for offset in range(1000, 1200):
    ok = True
    for port in (8080 + offset, 9990 + offset):
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            ok = False
        finally:
            s.close()
    if ok:
        print(offset)
        break
PY
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
