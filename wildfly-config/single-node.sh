#!/usr/bin/env bash
# Run after provisioning: fits the clustered configuration to the product (cluster.cli), keeps it as
# standalone-cluster.xml and makes standalone.xml a single node again (single-node.cli), so
# `mvn wildfly:run` never forms a cluster.
set -euo pipefail
home="$1"
here="$(dirname "$0")"
config="$home/standalone/configuration"
# Provisioning skips an existing server (target/server), and so does this step.
[ -f "$config/standalone-cluster.xml" ] && exit 0
# The CLI resolves ${env.CLUSTER_SECRET} when it adds a resource; the file keeps the expression.
CLUSTER_SECRET=resolved-at-build-only JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" --file="$here/cluster.cli" > /dev/null
cp "$config/standalone.xml" "$config/standalone-cluster.xml"
JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" --file="$here/single-node.cli" > /dev/null
! grep -q 'urn:jboss:domain:jgroups' "$config/standalone.xml"
grep -q 'JDBC_PING2' "$config/standalone-cluster.xml"
! grep -q 'resolved-at-build-only' "$config/standalone-cluster.xml"
