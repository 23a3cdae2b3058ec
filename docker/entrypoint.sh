#!/bin/sh
# The container's start: WildFly with Verbatim. standalone-postgres.xml reads VERBATIM_DB_URL / VERBATIM_DB_USER /
# VERBATIM_DB_PASSWORD; use VERBATIM_SERVER_CONFIG=standalone.xml for the embedded H2 database instead.
# VERBATIM_NODE_NAME names a cluster's node; a cluster's nodes run standalone-cluster.xml, find each other by
# VERBATIM_CLUSTER_MEMBERS and talk on the container's own address (-bprivate: JGroups, which keeps each web session
# on two nodes) over TLS, each showing the cluster's certificate; its key pair is in VERBATIM_CLUSTER_KEYSTORE (by
# default in the volume /var/lib/verbatim-cluster, which every node mounts), made by the first node when missing
# (compose starts the second once the first is healthy; ear/bin/functions.sh cluster_key makes the same).
set -eu
umask 077
CONFIG="${VERBATIM_SERVER_CONFIG:-standalone-postgres.xml}"
if [ "$CONFIG" = standalone-cluster.xml ]; then
  export VERBATIM_CLUSTER_KEYSTORE="${VERBATIM_CLUSTER_KEYSTORE:-/var/lib/verbatim-cluster/cluster-key.p12}"
  pass="${VERBATIM_CLUSTER_KEY_PASSWORD:-verbatim-cluster}"
  keytool -list -alias cluster-tls -storetype PKCS12 -keystore "$VERBATIM_CLUSTER_KEYSTORE" -storepass "$pass" >/dev/null 2>&1 ||
    keytool -genkeypair -alias cluster-tls -keyalg EC -groupname secp256r1 -validity 36500 -dname "CN=Verbatim cluster" \
      -storetype PKCS12 -keystore "$VERBATIM_CLUSTER_KEYSTORE" -storepass "$pass" >/dev/null
fi
exec /opt/wildfly/bin/standalone.sh -b 0.0.0.0 -bprivate="$(hostname -i | cut -d' ' -f1)" -c "$CONFIG" \
  -Dverbatim.data.dir="$VERBATIM_DATA_DIR" -Djboss.server.data.dir="$VERBATIM_DATA_DIR/server" \
  -Djboss.server.log.dir="$VERBATIM_DATA_DIR/log" ${VERBATIM_NODE_NAME:+-Djboss.node.name=$VERBATIM_NODE_NAME} \
  ${VERBATIM_TLS_KEYSTORE:+-Dverbatim.tls.keystore=$VERBATIM_TLS_KEYSTORE -Dverbatim.tls.password=${VERBATIM_TLS_PASSWORD:-}}
