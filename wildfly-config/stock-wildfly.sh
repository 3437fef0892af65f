#!/usr/bin/env bash
# Configures a stock WildFly 39 (wildfly.org's zip, or org.wildfly:wildfly-dist on Maven Central)
# for the WAR, as provisioning configures the release (README "Deploy on an existing WildFly"):
#   wildfly-config/stock-wildfly.sh WILDFLY_HOME POSTGRESQL_JAR
# Run it once, on a server that is not running; then copy service-accounts.war into
# standalone/deployments. Every setting stays an environment expression, read at each start.
set -euo pipefail
home="$1"
driver="$2"
here="$(cd "$(dirname "$0")" && pwd)"

# The PostgreSQL driver as a module, with the release's descriptor.
module="$home/modules/org/postgresql/main"
mkdir -p "$module"
cp "$driver" "$module/postgresql.jar"
cp "$here/server-extra/modules/org/postgresql/main/module.xml" "$module/"

# One embedded CLI session: what stock lacks, then the scripts the pom's packaging-scripts list.
script="$(mktemp)"
trap 'rm -f "$script" "$script.out"' EXIT
{
  echo 'embed-server --server-config=standalone.xml --std-out=discard'
  cat "$here/stock-wildfly.cli"
  for each in datasource security http logging metrics tls; do cat "$here/$each.cli"; echo; done
  echo 'stop-embedded-server'
} > "$script"
JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" --file="$script" > "$script.out" 2>&1 || { cat "$script.out" >&2; exit 1; }
bash "$here/boot-logging.sh" "$home"
