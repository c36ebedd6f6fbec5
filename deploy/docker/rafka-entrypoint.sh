#!/usr/bin/env bash
# Starts one Rafka node in a StatefulSet pod. Its identity follows from the pod name <statefulset>-<ordinal>:
# node.id = ordinal + 1, advertised addresses are the pod's stable DNS name under the headless service, and the
# first RAFKA_METADATA_VOTERS pods vote in the metadata group (the others join as listeners). Everything else
# comes from the mounted config (RAFKA_CONFIG, the ConfigMap's server.properties).
#
# Environment: POD_NAME (default: hostname), POD_NAMESPACE, RAFKA_HEADLESS_SERVICE, RAFKA_METADATA_VOTERS
# (default 3), RAFKA_CONFIG (default /etc/rafka/server.properties), RAFKA_DATA (default /var/lib/rafka),
# RAFKA_CLUSTER_DOMAIN (default cluster.local), RAFKA_HOME (default /opt/rafka). With RAFKA_ENTRYPOINT_PRINT=1 it prints the config and exits.
set -euo pipefail

pod="${POD_NAME:-$(hostname)}"
ordinal="${pod##*-}"
if ! [[ "$ordinal" =~ ^[0-9]+$ ]]; then
  echo "rafka-entrypoint: pod name '$pod' does not end in -<ordinal>; run me in a StatefulSet" >&2
  exit 64
fi
statefulset="${pod%-*}"
: "${POD_NAMESPACE:?set POD_NAMESPACE (the downward API's metadata.namespace)}"
: "${RAFKA_HEADLESS_SERVICE:?set RAFKA_HEADLESS_SERVICE (the StatefulSet's serviceName)}"
voters_count="${RAFKA_METADATA_VOTERS:-3}"
domain="${RAFKA_CLUSTER_DOMAIN:-cluster.local}"
data="${RAFKA_DATA:-/var/lib/rafka}"
dns() { echo "$1.$RAFKA_HEADLESS_SERVICE.$POD_NAMESPACE.svc.$domain"; }

voters=""
for ((i = 0; i < voters_count; i++)); do
  voters+="${voters:+,}$((i + 1))@$(dns "$statefulset-$i"):9093"
done

config="$data/server.properties"
mkdir -p "$data"
{
  cat "${RAFKA_CONFIG:-/etc/rafka/server.properties}"
  echo
  echo "# Set by rafka-entrypoint.sh for pod $pod"
  echo "node.id=$((ordinal + 1))"
  echo "api.address=0.0.0.0:9092"
  echo "api.advertised.address=$(dns "$pod"):9092"
  echo "peer.address=0.0.0.0:9093"
  echo "peer.advertised.address=$(dns "$pod"):9093"
  echo "http.address=0.0.0.0:9644"
  echo "data.dir=$data/data"
  echo "metadata.voters=$voters"
} >"$config"

if [ "${RAFKA_ENTRYPOINT_PRINT:-0}" = 1 ]; then
  cat "$config"
  exit 0
fi
cd "${RAFKA_HOME:-/opt/rafka}"
exec bin/rafka-server.sh start "$config" --foreground
