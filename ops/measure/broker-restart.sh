#!/usr/bin/env bash
# How long the local broker (LocalKafkaCluster, one node) takes to be ready again after kill -9,
# alone, without the rest of campaign up: TOPICS topics of PARTITIONS partitions with records in
# them (by default 40 x 3, about campaign up's layout), killed and started again ROUNDS times.
#
#   ops/measure/broker-restart.sh [ROUNDS] [TOPICS] [PARTITIONS]
#
# Uses the jar and libraries in services/cli/target (CAMPAIGN_DIST=DIR to use another build).
set -euo pipefail
dist=${CAMPAIGN_DIST:-services/cli/target}
java -cp "$dist/campaign.jar:$dist/lib/*" "$(dirname "$0")/BrokerRestart.java" "$@"
