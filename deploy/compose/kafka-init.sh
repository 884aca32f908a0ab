#!/bin/sh
# One-shot before the compose broker (docker-compose.yml, service kafka-init, apache/kafka image, run as root):
#  1. on first start, a random admin password (256 bits) in the kafka-admin volume (never in the repository);
#  2. the broker's server.properties rendered from deploy/compose/kafka-server.properties with it, and the
#     admin's client settings for the healthcheck (both mode 600, in the kafka-config volume);
#  3. on first start, the storage formatted with the admin's SCRAM credential. A data volume formatted
#     without authentication (an older compose file) is refused with what to do.
set -eu
ADMIN_FILE=/mnt/admin/admin.password
CONFIG=/mnt/config
DATA=/var/lib/kafka/data
MARKER="$DATA/.originbridge-scram"

if [ ! -s "$ADMIN_FILE" ]; then
  # readable by kafka-access (another image's user); the volume is mounted only by kafka-init, kafka and kafka-access
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$ADMIN_FILE.tmp"
  chmod 0444 "$ADMIN_FILE.tmp"
  mv "$ADMIN_FILE.tmp" "$ADMIN_FILE"
fi
password="$(cat "$ADMIN_FILE")"

umask 077
sed -e "s|@KAFKA_ADMIN_PASSWORD@|$password|g" /mnt/template/kafka-server.properties >"$CONFIG/server.properties.tmp"
mv "$CONFIG/server.properties.tmp" "$CONFIG/server.properties"
cat >"$CONFIG/admin-client.properties.tmp" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$password";
PROPS
mv "$CONFIG/admin-client.properties.tmp" "$CONFIG/admin-client.properties"

if [ -f "$DATA/meta.properties" ] && [ ! -f "$MARKER" ]; then
  echo "kafka-init: the kafka-data volume was formatted without authentication; its topics cannot be kept." >&2
  echo "kafka-init: remove it (docker compose down && docker volume rm originbridge_kafka-data) and start again." >&2
  exit 1
fi
if [ ! -f "$DATA/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$CONFIG/server.properties" --cluster-id "$KAFKA_CLUSTER_ID" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$password]"
  touch "$MARKER"
fi
# the broker runs as the image's appuser
chown -R 1000:1000 "$CONFIG" "$DATA"
echo "kafka-init: configuration ready"
