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

# tls_keystore DATA_DIR: the PKCS#12 key store HTTPS serves, and its password; sets TLS_KEYSTORE, TLS_PASSWORD and
# TLS_GENERATED. The administrator's own: VERBATIM_TLS_KEYSTORE (PKCS#12) with VERBATIM_TLS_PASSWORD, or
# VERBATIM_TLS_CERT and VERBATIM_TLS_KEY (PEM; the chain may follow the certificate). Otherwise a self-signed one for
# localhost, 127.0.0.1 and this host's name, made on the first start and kept in the data folder, for trying it out.
tls_keystore() {
  local data=$1 tls="$1/tls"
  mkdir -p "$tls"; chmod 700 "$tls"
  TLS_GENERATED=no
  if [ -n "${VERBATIM_TLS_KEYSTORE:-}" ]; then
    TLS_KEYSTORE="$VERBATIM_TLS_KEYSTORE"
    TLS_PASSWORD="${VERBATIM_TLS_PASSWORD:?set VERBATIM_TLS_PASSWORD for VERBATIM_TLS_KEYSTORE}"
    return
  fi
  [ -f "$tls/password" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$tls/password")
  TLS_PASSWORD=$(cat "$tls/password")
  if [ -n "${VERBATIM_TLS_CERT:-}" ] || [ -n "${VERBATIM_TLS_KEY:-}" ]; then
    TLS_KEYSTORE="$tls/provided.p12"
    (umask 077; openssl pkcs12 -export -in "${VERBATIM_TLS_CERT:?set VERBATIM_TLS_CERT with VERBATIM_TLS_KEY}" \
      -inkey "${VERBATIM_TLS_KEY:?set VERBATIM_TLS_KEY with VERBATIM_TLS_CERT}" -name verbatim \
      -out "$TLS_KEYSTORE" -passout "pass:$TLS_PASSWORD")
    return
  fi
  TLS_KEYSTORE="$tls/verbatim.p12"
  if [ ! -f "$TLS_KEYSTORE" ]; then
    local host; host=$(hostname 2>/dev/null || echo localhost)
    (umask 077; keytool -genkeypair -alias verbatim -keyalg RSA -keysize 3072 -validity 825 -storetype PKCS12 \
      -keystore "$TLS_KEYSTORE" -storepass "$TLS_PASSWORD" -dname "CN=$host, O=Verbatim (self-signed for trying it out)" \
      -ext "SAN=dns:localhost,ip:127.0.0.1,dns:$host" >/dev/null 2>&1)
    TLS_GENERATED=yes
  fi
}

# The SHA-256 fingerprint of the certificate in TLS_KEYSTORE (what a device or browser shows to compare).
tls_fingerprint() {
  keytool -list -v -keystore "$TLS_KEYSTORE" -storepass "$TLS_PASSWORD" 2>/dev/null | sed -n 's/^[[:space:]]*SHA256: //p' | head -1
}

# start_server CONFIG DATA_DIR BIND PORT_OFFSET LOG_FILE: starts WildFly in its own process group and
# deploys the EAR; sets SERVER_PID. SERVER_ENV (NAME=value ...) adds to its environment. The caller must call
# stop_server (trap) whatever happens.
SERVER_ENV=()
start_server() {
  local config=$1 data=$2 bind=$3 offset=$4 log=$5
  # recordings, keys and logs are the server user's alone: files 0600, folders 0700
  local was; was=$(umask); umask 077
  mkdir -p "$data/log"; chmod 700 "$data"
  tls_keystore "$data"
  local deployments="$WILDFLY_HOME/standalone/deployments"
  rm -f "$deployments"/verbatim.ear*
  cp "$EAR" "$deployments/verbatim.ear"
  env "${SERVER_ENV[@]}" LAUNCH_JBOSS_IN_BACKGROUND=1 setsid "$WILDFLY_HOME/bin/standalone.sh" -c "$config" \
    -b "$bind" -Djboss.socket.binding.port-offset="$offset" \
    -Dverbatim.data.dir="$data" -Djboss.server.data.dir="$data/server" -Djboss.server.log.dir="$data/log" \
    -Dverbatim.tls.keystore="$TLS_KEYSTORE" -Dverbatim.tls.password="$TLS_PASSWORD" -Dverbatim.https.port=$((8443 + offset)) \
    -Djboss.as.management.blocking.timeout="${VERBATIM_DEPLOY_WAIT_SECONDS:-300}" \
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
    if [ $waited -ge "${VERBATIM_DEPLOY_WAIT_SECONDS:-300}" ]; then
      echo "WildFly did not deploy Verbatim within ${VERBATIM_DEPLOY_WAIT_SECONDS:-300} s" >&2; return 1
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

# start_postgres DATA_DIR: a PostgreSQL of Debian's package on 127.0.0.1 (a free port) with an empty database
# verbatim owned by user verbatim (or the one DATA_DIR holds from an earlier start); exports VERBATIM_DB_URL/USER/PASSWORD (what standalone-postgres.xml reads) and
# PG_PORT. DATA_DIR's parent must be reachable by the postgres user. PG_SETTINGS adds server settings ("-c name=value").
# The caller must call stop_postgres (trap).
PG_DATA=""
PG_BIN=""
AS_POSTGRES=()
start_postgres() {
  PG_DATA="$1"
  # found here, not when this file is read: need_packages may have installed PostgreSQL in between
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [ "$(id -u)" -eq 0 ] && AS_POSTGRES=(runuser -u postgres --)
  mkdir -p "$PG_DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DATA"
  PG_PORT=$(free_port)
  local port=$PG_PORT
  local fresh=yes
  [ -f "$PG_DATA/PG_VERSION" ] && fresh=no # kept from an earlier start (the cluster command's data)
  if [ $fresh = yes ]; then
    "${AS_POSTGRES[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 >/dev/null || return 1
  fi
  "${AS_POSTGRES[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 ${PG_SETTINGS:-}" start >/dev/null || return 1
  if [ $fresh = yes ]; then
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 \
      -c "create user verbatim password 'verbatim'" -c "create database verbatim owner verbatim" || return 1
  fi
  export PG_PORT VERBATIM_DB_URL="jdbc:postgresql://127.0.0.1:$port/verbatim" VERBATIM_DB_USER=verbatim VERBATIM_DB_PASSWORD=verbatim
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "$PG_DATA" ] || return 0
  local said
  said=$("${AS_POSTGRES[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop 2>&1) ||
    echo "PostgreSQL in $PG_DATA did not stop: $said" >&2
  PG_DATA=""
}

# start_s3proxy DIR: S3Proxy, an S3-compatible server that keeps each object as a file under DIR/objects/<bucket>/, on
# 127.0.0.1 (a free port), with a bucket "verbatim" (empty, or as DIR holds it from an earlier start); exports S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET
# and S3PROXY_CLASSPATH (a file naming its jars, from Maven Central through ear/src/test/s3proxy/pom.xml). The caller
# must call stop_s3proxy (trap).
S3PROXY_PID=""
start_s3proxy() {
  local dir=$1 port
  mkdir -p "$dir/objects/verbatim"
  S3PROXY_CLASSPATH="$dir/classpath"
  mvn -B -q -ntp -f "$VERBATIM_ROOT/ear/src/test/s3proxy/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$S3PROXY_CLASSPATH" >/dev/null || return 1
  port=$(free_port)
  # the secret stays with the objects it guards (the cluster command keeps them between starts)
  [ -f "$dir/secret" ] || (umask 077; echo "s3-$(date +%s%N | sha256sum | cut -c1-20)" > "$dir/secret")
  S3_ACCESS_KEY=verbatim S3_SECRET_KEY=$(cat "$dir/secret") S3_BUCKET=verbatim
  # an argument file holds the long class path, so the command line stays readable (ps, /proc)
  printf -- '-cp %s\n' "$(cat "$S3PROXY_CLASSPATH")" > "$dir/java-arguments"
  setsid java -Xmx256m -Dlogback.configurationFile="$VERBATIM_ROOT/ear/src/test/s3proxy/logback.xml" @"$dir/java-arguments" \
    -Ds3proxy.endpoint="http://127.0.0.1:$port" -Ds3proxy.authorization=aws-v2-or-v4 \
    -Ds3proxy.identity="$S3_ACCESS_KEY" -Ds3proxy.credential="$S3_SECRET_KEY" \
    -Djclouds.provider=filesystem-nio2 -Djclouds.filesystem.basedir="$dir/objects" \
    org.gaul.s3proxy.Main --properties /dev/null >"$dir/s3proxy.log" 2>&1 &
  S3PROXY_PID=$!
  local waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do # until it listens
    if ! kill -0 "$S3PROXY_PID" 2>/dev/null || [ $waited -ge 120 ]; then
      echo "S3Proxy did not start:" >&2; cat "$dir/s3proxy.log" >&2; return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  export S3_ENDPOINT="http://127.0.0.1:$port" S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET S3PROXY_CLASSPATH
  say "S3Proxy (S3-compatible, objects under $dir/objects) on 127.0.0.1:$port"
}

stop_s3proxy() {
  [ -n "$S3PROXY_PID" ] || return 0
  kill -TERM -- "-$S3PROXY_PID" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$S3PROXY_PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$S3PROXY_PID" 2>/dev/null || true
  wait "$S3PROXY_PID" 2>/dev/null || true
  S3PROXY_PID=""
}

# cluster_key DIR: the key pair a cluster's nodes prove to each other they belong with (TLS with a client certificate
# on the JGroups port), made once in a folder they all reach: cluster-key.p12, a PKCS12 keystore whose password is not
# the secret (the file is), alias cluster-tls, its self-signed certificate the only one the nodes trust. Added to a
# keystore an older version made (it held an AES key). Not in the keys folder: that holds Verbatim's own keys, which
# backups carry; a new cluster makes a key of its own. Sets CLUSTER_KEYSTORE.
cluster_key() {
  local dir=$1
  mkdir -p "$dir" # not made owner-only: it may be the data folder, where PostgreSQL runs as its own user
  CLUSTER_KEYSTORE="$dir/cluster-key.p12"
  local pass="${VERBATIM_CLUSTER_KEY_PASSWORD:-verbatim-cluster}"
  if ! keytool -list -alias cluster-tls -storetype PKCS12 -keystore "$CLUSTER_KEYSTORE" -storepass "$pass" >/dev/null 2>&1; then
    (umask 077; keytool -genkeypair -alias cluster-tls -keyalg EC -groupname secp256r1 -validity 36500 \
      -dname "CN=Verbatim cluster" -storetype PKCS12 -keystore "$CLUSTER_KEYSTORE" -storepass "$pass" >/dev/null)
  fi
}

# start_node NAME BASE BIND PORT_OFFSET: one WildFly node of a cluster, from the provisioned server but with its own
# configuration, deployments, data and log under BASE (jboss.server.base.dir), named NAME (jboss.node.name), on
# PostgreSQL (VERBATIM_DB_*), with SERVER_ENV added to its environment. Appends its process group to NODE_PIDS; the
# caller must call stop_nodes (trap).
NODE_PIDS=()
start_node() {
  local name=$1 base=$2 bind=$3 offset=$4
  local was; was=$(umask); umask 077
  mkdir -p "$base/configuration" "$base/deployments" "$base/data/log"
  cp -p "$WILDFLY_HOME"/standalone/configuration/*.xml "$WILDFLY_HOME"/standalone/configuration/*.properties "$base/configuration/"
  rm -f "$base"/deployments/verbatim.ear*
  cp "$EAR" "$base/deployments/verbatim.ear"
  tls_keystore "$base/data"
  env "${SERVER_ENV[@]}" LAUNCH_JBOSS_IN_BACKGROUND=1 setsid "$WILDFLY_HOME/bin/standalone.sh" -c standalone-cluster.xml \
    -b "$bind" -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="$name" \
    -Djboss.server.base.dir="$base" -Dverbatim.data.dir="$base/data" -Djboss.server.data.dir="$base/data/server" \
    -Djboss.server.log.dir="$base/data/log" \
    -Dverbatim.tls.keystore="$TLS_KEYSTORE" -Dverbatim.tls.password="$TLS_PASSWORD" -Dverbatim.https.port=$((8443 + offset)) \
    >"$base/data/log/console.log" 2>&1 &
  NODE_PIDS+=($!)
  umask "$was"
}

# wait_node_deployed BASE PID: until the node under BASE has deployed the EAR; fails when it fails or stops.
wait_node_deployed() {
  local base=$1 pid=$2 waited=0
  until [ -e "$base/deployments/verbatim.ear.deployed" ]; do
    if [ -e "$base/deployments/verbatim.ear.failed" ] || ! kill -0 "$pid" 2>/dev/null || [ $waited -ge 300 ]; then
      echo "The node in $base did not deploy Verbatim:" >&2; tail -30 "$base/data/log/server.log" >&2; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
}

stop_nodes() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  NODE_PIDS=()
}
