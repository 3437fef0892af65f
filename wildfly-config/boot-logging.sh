#!/usr/bin/env bash
# WildFly logs with standalone/configuration/logging.properties until its logging subsystem has
# started, and provisioning writes that file before logging.cli runs. There the org.jboss.as.config
# logger is at DEBUG: every boot would dump all system properties and the JVM's arguments (a
# -DCREDENTIAL_HMAC_KEY=... among them) into server.log. Run after provisioning; fails if the line
# it fixes is gone, so a WildFly upgrade that changes the file is noticed.
set -euo pipefail
file="$1/standalone/configuration/logging.properties"
sed -i 's/^logger\.org\.jboss\.as\.config\.level=DEBUG$/logger.org.jboss.as.config.level=INFO/' "$file"
grep -q '^logger\.org\.jboss\.as\.config\.level=INFO$' "$file"
