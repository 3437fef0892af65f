#!/usr/bin/env bash
# Benchmarks the product (and, with --keycloak, Keycloak's service-account clients) on 127.0.0.1.
#
#   bench/run.sh [--accounts N[,M]] [--duration S] [--keycloak] [--smoke] [--no-build] [--cluster] [--no-gate]
#
# The regression gate: every run ends by checking bench/floors.tsv (each scenario's rate as a share
# of a reference scenario's, measured in the same run) and fails with the figures below a floor;
# --no-gate skips it, for a run that measures something else on purpose (another JDK, a cluster).
#
# --cluster: the product in cluster mode, two nodes (the second at port offset 600) on the same
# database; every scenario is measured against the first node, so the write path that revokes
# pays for telling the second node, and the read paths show what being in a cluster costs them.
#
# SERVER_JAVA_HOME runs the product on another JDK (default: the java on the PATH);
# SERVER_JAVA_SIZING replaces its heap settings.
#
# Provisions and starts the product on PostgreSQL, seeds N service accounts with credentials
# (SQL, in bulk), then runs wrk for each scenario at 16 and 64 connections, each after a
# warm-up, and prints one Markdown table with requests/s, p50, p99 and errors, then the
# server's resident memory and start-up time. With N,M it measures the product at N, at M and
# at N again, on one server and database (seeding, then deleting the rows it added), and
# compares M with the mean of the two at N, which cancels the server's warming up in between.
# --smoke: a few seconds per scenario, 100 and 300 accounts, fails on any error. Results also go
# to target/bench/results-N.md (results-N-M.md).
set -euo pipefail
cd "$(dirname "$0")/.."

accounts=1000 duration=10 warmup=5 warm_rounds=4 keycloak=false smoke=false build=true cluster=false floors=true
timeout=2s # wrk's own default: a slower answer counts as an error
connections=(16 64)
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) accounts=$2; shift ;;
    --duration) duration=$2; shift ;;
    --keycloak) keycloak=true ;;
    # the smoke proves the script works, not speed: a cold server on a starved machine may take
    # seconds per answer at first, so it waits longer and measures for a little longer
    --smoke) smoke=true; accounts=100,300; duration=5; warmup=3; warm_rounds=1; connections=(16); timeout=30s ;;
    --no-build) build=false ;;
    --cluster) cluster=true ;;
    --no-gate) floors=false ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ $accounts =~ ^[0-9]+(,[0-9]+)?$ ]] || { echo "--accounts takes N or N,M" >&2; exit 2; }
IFS=, read -ra sizes <<<"$accounts"

work=target/bench
mkdir -p "$work"
port=8580                        # the product: port offset 500, management on 10490
kc_port=8180 kc_version=26.7.3   # Keycloak, when asked for
owner_password=bench-owner-password
db=service_accounts_bench db_user=service_accounts_bench db_password=bench-password
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
# A failed step names itself and shows the end of the product's log: CI keeps nothing else.
set -E
trap '[ "$BASHPID" = "$$" ] && { echo "bench: line $LINENO failed: $BASH_COMMAND" >&2; tail -n 30 "$work/server-console.log" >&2 2>/dev/null || true; }' ERR

need=()
for tool in wrk jq curl; do command -v $tool >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"; fi
bash src/test/postgresql/ensure-database.sh $db $db_user $db_password >/dev/null
psql_bench() { PGPASSWORD=$db_password psql -q -h 127.0.0.1 -U $db_user -d $db -v ON_ERROR_STOP=1 "$@"; }

if $build || [ ! -d target/server ]; then mvn -B -q -DskipTests package; fi

now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
java_child() { # the JVM under a launcher script
  local pid=$1; for _ in $(seq 1 50); do
    local child; child=$(pgrep -P "$pid" java || true); [ -n "$child" ] && { echo "$child"; return; }
    sleep 0.1; done; echo "$pid"; }
wait_for() { # url expected-status; fifteen minutes at most (a starved machine has needed seven to boot)
  local deadline=$(( $(date +%s) + 900 ))
  while [ "$(date +%s)" -lt $deadline ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "$2" ] && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; return 1; }

# --- the product -----------------------------------------------------------------------------
# The heap a small deployment of the product needs; the same knob (JBOSS_JAVA_SIZING) serves operators.
sizing=${SERVER_JAVA_SIZING:--Xms256m -Xmx256m -XX:MaxMetaspaceSize=192m -XX:+UseParallelGC}
server_java=${SERVER_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
node_options=() nodes=1
if $cluster; then # what README "Run several nodes" asks of an operator
  nodes=2
  export CLUSTER_SECRET; CLUSTER_SECRET=$(head -c 24 /dev/urandom | base64)
  export CLUSTER_KEYSTORE=$PWD/$work/cluster.p12; rm -f "$CLUSTER_KEYSTORE"
  keytool -genseckey -alias cluster -keyalg AES -keysize 256 -storetype PKCS12 -keystore "$CLUSTER_KEYSTORE" \
    -storepass "$CLUSTER_SECRET" 2>/dev/null
  export CREDENTIAL_HMAC_KEY; CREDENTIAL_HMAC_KEY=$(head -c 32 /dev/urandom | base64)
  export JWT_ISSUER=http://127.0.0.1:$port
  node_options=(-c standalone-cluster.xml)
fi
# start_node NAME OFFSET: a copy of the provisioned server's standalone folder with the WAR, started
start_node() {
  local base=$work/$1
  rm -rf "$base"; mkdir -p "$base"
  (cd target/server/standalone && tar cf - --exclude=./data --exclude=./tmp --exclude=./log .) | (cd "$base" && tar xf -)
  cp target/service-accounts.war "$base/deployments/"
  env -u DB_URL JAVA_HOME="$server_java" JBOSS_JAVA_SIZING="$sizing" DB_DRIVER=postgresql DB_URL=jdbc:postgresql://127.0.0.1:5432/$db DB_USER=$db_user DB_PASSWORD=$db_password \
    ADMIN_USERNAME=admin ADMIN_PASSWORD=$owner_password \
    target/server/bin/standalone.sh "${node_options[@]}" -Djboss.node.name="$1" -Djboss.server.base.dir="$PWD/$base" -Djboss.socket.binding.port-offset="$2" \
    -b 127.0.0.1 -bmanagement 127.0.0.1 -Djboss.as.management.blocking.timeout=900 > "$work/$1-console.log" 2>&1 &
  launcher=$!; pids+=("$launcher")
}
start=$(now_ms)
start_node server 500
server_launcher=$launcher
wait_for "http://127.0.0.1:$port/api/v1/me" 401
startup_ms=$(( $(now_ms) - start ))
server_pid=$(java_child "$server_launcher"); pids+=("$server_pid")
if $cluster; then
  start_node server-b 600
  pids+=("$(java_child "$launcher")")
  wait_for "http://127.0.0.1:8680/api/v1/me" 401
  members=$(curl -sf -u "admin:$owner_password" "http://127.0.0.1:$port/api/v1/organization/cluster" | jq -c .members)
  [ "$members" = '["server","server-b"]' ] || [ "$members" = '["server-b","server"]' ] || { echo "bench: the nodes did not form one cluster: $members" >&2; exit 1; }
fi

api=http://127.0.0.1:$port/api/v1
owner="admin:$owner_password"
post() { curl -sf -u "$owner" -H 'Content-Type: application/json' -d "$2" "$api/$1"; }
team=$(post teams '{"name":"bench"}' | jq -r .id)
caller=$(post service-accounts "{\"identifier\":\"bench-caller\",\"teamId\":\"$team\"}" | jq -r .id)
curl -sf -u "$owner" -X PUT -H 'Content-Type: application/json' -d "[{\"teamId\":\"$team\",\"role\":\"ADMIN\"}]" \
  "$api/service-accounts/$caller/roles" > /dev/null
cred=$(post "service-accounts/$caller/credentials" '{}'); key=$(jq -r .keyId <<<"$cred"); secret=$(jq -r .secret <<<"$cred")
basic="Authorization: Basic $(printf '%s' "$key:$secret" | base64 -w0)"
gate=$(post service-accounts '{"identifier":"bench-introspector","introspector":true}' | jq -r .id)
gate_secret=$(post "service-accounts/$gate/credentials" '{}' | jq -r .secret)
writer=$(post service-accounts '{"identifier":"bench-writer","globalAdmin":true}' | jq -r .id)
writer_secret=$(post "service-accounts/$writer/credentials" '{}' | jq -r .secret)

seeded=0 seed_log=""
# settle_at N: seeds accounts with a credential each (bulk SQL), or deletes seeded ones, until N are
# there; then settles what that left behind (VACUUM, a checkpoint), so that autovacuum's first pass
# over the rows and the checkpoint that writes them out do not run during the scenarios.
settle_at() {
  local n=$1 begun; begun=$(now_ms)
  if [ "$n" -gt "$seeded" ]; then
    psql_bench -v team="'$team'" -v from=$((seeded + 1)) -v to="$n" <<'SQL'
with seeded as (
  insert into service_account (id, identifier, display_name, team_id, global_admin, introspector, status, created_at,
                               created_by_kind, created_by_name, version)
  select gen_random_uuid(), 'seed-' || g, 'Seeded ' || g, :team::uuid, false, false, 'ACTIVE', now(), 'SYSTEM', 'bench', 0
  from generate_series(:from, :to) g
  returning id, identifier)
insert into credential (id, service_account_id, key_id, secret_hash, created_at, created_by_kind, created_by_name,
                        expires_at, version)
select gen_random_uuid(), s.id, 'sak_' || substr(md5(s.identifier), 1, 16), encode(sha256(s.identifier::bytea), 'base64'),
       now(), 'SYSTEM', 'bench', now() + interval '90 days', 0
from seeded s;
SQL
    psql_bench -c "vacuum analyze service_account" -c "vacuum analyze credential"
  elif [ "$n" -lt "$seeded" ]; then # VACUUM FULL leaves tables and indexes as compact as seeding did
    psql_bench -v n="$n" <<'SQL'
delete from credential c using service_account a
where c.service_account_id = a.id and a.identifier like 'seed-%' and substr(a.identifier, 6)::int > :n;
delete from service_account where identifier like 'seed-%' and substr(identifier, 6)::int > :n;
SQL
    psql_bench -c "vacuum full analyze service_account" -c "vacuum full analyze credential"
  fi
  su postgres -c "psql -q -c checkpoint"
  seeded=$n
  seed_log+="${seed_log:+, then }$n in $(( ($(now_ms) - begun) / 1000 )) s"
}

jwt() { curl -sf -u "$key:$secret" -d grant_type=client_credentials "http://127.0.0.1:$port/oauth2/token" | jq -r .access_token; }

# --- measuring ---------------------------------------------------------------------------------
results=$work/rows.tsv; : > "$results"
errors_total=0
# measure PRODUCT SCENARIO URL [wrk options...]: a warm-up, then the measured run at each concurrency
measure() {
  local product=$1 scenario=$2 url=$3; shift 3
  for c in "${connections[@]}"; do
    wrk -t2 -c"$c" -d"${warmup}s" --timeout "$timeout" "$@" "$url" > /dev/null 2>&1 || true
    local out; out=$(wrk -t2 -c"$c" -d"${duration}s" --timeout "$timeout" --latency "$@" "$url" 2>&1)
    local rps p50 p99 non2xx sock
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
    sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out"); sock=${sock:-0}
    if [ "${EXPECT_401:-}" = yes ]; then # refused on purpose: an error is an answer that was not refused
      non2xx=$(( $(awk '/requests in/ {print $1}' <<<"$out") - non2xx ))
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$product" "${at:--}" "$scenario" "$c" "${rps:-0}" "${p50:-?}" "${p99:-?}" "$((non2xx + sock))" >> "$results"
    errors_total=$((errors_total + non2xx + sock))
  done
}

# expect_active URL AUTHORIZATION-HEADER TOKEN: the introspection measured is of a valid token, so
# its answer must say active (a 200 with active:false would pass wrk unnoticed)
expect_active() {
  local answer; answer=$(curl -sf -H "$2" -d "token=$3" "$1")
  [ "$(jq -r .active <<<"$answer")" = true ] || { echo "introspection at $1 answered: $answer" >&2; exit 1; }
}
expect_active "http://127.0.0.1:$port/oauth2/introspect" "Authorization: Bearer $gate_secret" "$(jwt)"

# warm SCENARIO URL [wrk options...]: measure's arguments without the product, a run not recorded
warm() { wrk -t2 -c16 -d"${warmup}s" --timeout "$timeout" "${@:3}" "$2" > /dev/null 2>&1 || true; }
# ours_paths COMMAND...: runs COMMAND... SCENARIO URL [wrk options...] for each path that only reads
ours_paths() {
  "$@" "ceiling (GET /.well-known/jwks.json)" "http://127.0.0.1:$port/.well-known/jwks.json"
  EXPECT_401=yes "$@" "GET /api/v1/me without a credential (401)" "$api/me"
  "$@" "GET /api/v1/me, Basic key:secret" "$api/me" -H "$basic"
  "$@" "GET /api/v1/me, Bearer secret" "$api/me" -H "Authorization: Bearer $secret"
  "$@" "GET /api/v1/me, Bearer JWT" "$api/me" -H "Authorization: Bearer $(jwt)"
  "$@" "POST /oauth2/token" "http://127.0.0.1:$port/oauth2/token" -s bench/token.lua -H "$basic"
  TOKEN=$(jwt) "$@" "POST /oauth2/introspect" "http://127.0.0.1:$port/oauth2/introspect" -s bench/introspect.lua \
    -H "Authorization: Bearer $gate_secret"
}

steps=("${sizes[0]}"); [ ${#sizes[@]} -eq 1 ] || steps+=("${sizes[1]}" "${sizes[0]}")
for i in "${!steps[@]}"; do
  settle_at "${steps[$i]}"
  at=${steps[$i]}; [ "$i" -lt 2 ] || at="${steps[$i]} (again)"
  if [ "$i" -eq 0 ]; then
    # Warm every path, round after round, before measuring any: on two cores the JIT needs about
    # two minutes of this load before the figures settle (shorter warm-ups made them drift by 2 x).
    for _ in $(seq 1 "$warm_rounds"); do ours_paths warm; done
  fi
  ours_paths measure ours
  RUN=$(date +%s) measure ours "create account, issue credential" "http://127.0.0.1:$port" -s bench/create.lua \
    -H "Authorization: Bearer $writer_secret"
  THEN=revoke RUN=$(date +%s) measure ours "create account with credential, revoke it" "http://127.0.0.1:$port" -s bench/create.lua \
    -H "Authorization: Bearer $writer_secret"
done
at=""
ours_rss=$(rss_mb "$server_pid")

# --- Keycloak ------------------------------------------------------------------------------------
kc_startup_ms="" kc_rss=""
if $keycloak; then
  kc_home=$work/keycloak-$kc_version
  if [ ! -d "$kc_home" ]; then
    mvn -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$kc_version:zip -DoutputDirectory="$work"
    (cd "$work" && unzip -q keycloak-quarkus-dist-$kc_version.zip)
  fi
  rm -rf "$kc_home/data"
  kc_java=${KC_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-*-jdk-* 2>/dev/null | tail -n 1)}
  start=$(now_ms)
  JAVA_HOME=${kc_java:-$JAVA_HOME} KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$kc_home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=$kc_port --http-management-port=9080 \
    > "$work/keycloak-console.log" 2>&1 &
  kc_launcher=$!; pids+=("$kc_launcher")
  wait_for "http://127.0.0.1:$kc_port/realms/master" 200
  kc_startup_ms=$(( $(now_ms) - start ))
  kc_pid=$(java_child "$kc_launcher"); pids+=("$kc_pid")
  kc=http://127.0.0.1:$kc_port
  admin_token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$kc/realms/master/protocol/openid-connect/token" | jq -r .access_token)
  curl -sf -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d '{"realm":"bench","enabled":true}' "$kc/admin/realms" > /dev/null
  curl -sf -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d '{"clientId":"bench-client","secret":"bench-secret","publicClient":false,"serviceAccountsEnabled":true,
         "standardFlowEnabled":false,"directAccessGrantsEnabled":false,"clientAuthenticatorType":"client-secret",
         "protocolMappers":[{"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
           "config":{"included.client.audience":"bench-client","access.token.claim":"true","introspection.token.claim":"true"}}]}' \
    "$kc/admin/realms/bench/clients" > /dev/null
  client_basic="Authorization: Basic $(printf 'bench-client:bench-secret' | base64 -w0)"
  kc_token=$(curl -sf -H "$client_basic" -d grant_type=client_credentials \
    "$kc/realms/bench/protocol/openid-connect/token" | jq -r .access_token)
  # Keycloak (since 26) answers active:false, and logs a warning per call, when the introspecting
  # client is not in the token's audience: hence the audience mapper above, and this check.
  expect_active "$kc/realms/bench/protocol/openid-connect/token/introspect" "$client_basic" "$kc_token"
  kc_paths() { # as ours_paths, for the flows both products have
    "$@" "ceiling (GET /realms/bench/protocol/openid-connect/certs)" "$kc/realms/bench/protocol/openid-connect/certs"
    "$@" "POST .../openid-connect/token" "$kc/realms/bench/protocol/openid-connect/token" -s bench/token.lua -H "$client_basic"
    TOKEN=$kc_token "$@" "POST .../token/introspect" "$kc/realms/bench/protocol/openid-connect/token/introspect" \
      -s bench/introspect.lua -H "$client_basic"
  }
  for _ in $(seq 1 "$warm_rounds"); do kc_paths warm; done # the same warm-up as ours
  kc_paths measure keycloak
  kc_rss=$(rss_mb "$kc_pid")
fi

# --- the table ---------------------------------------------------------------------------------
report=$work/results-${accounts/,/-}$($cluster && echo -cluster || true).md
{
  echo "### Seeded service accounts, in the order measured: $seed_log (besides those the write path creates); wrk -t2, $warm_rounds warm-up rounds over every path, then ${warmup}s warm-up and ${duration}s measured per scenario"
  echo
  echo "Server JVM: $sizing; nodes: $nodes$($cluster && echo ' (cluster mode; every scenario against the first node)')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2}'), product on $("$server_java/bin/java" -version 2>&1 | head -n 1)"
  echo
  echo "| product | accounts | scenario | connections | requests/s | p50 | p99 | errors |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$results"
  echo
  echo "| | ours | Keycloak $kc_version |"
  echo "|---|---:|---:|"
  echo "| resident memory after the runs (MB) | $ours_rss | ${kc_rss:-not run} |"
  echo "| start-up to first answered request (ms) | $startup_ms | ${kc_startup_ms:-not run} |"
  echo
  echo "Ratios (same accounts, same connections):"
  awk -F'\t' -v small="${sizes[0]}" -v large="${sizes[1]:-}" '
    { r[$1 FS $2 FS $3 FS $4] = $5; conns[$4] = 1; if ($1 == "ours") { at[$2] = 1; scen[$3] = 1 } }
    END {
      for (a in at) for (c in conns) {
        ceil = r["ours" FS a FS "ceiling (GET /.well-known/jwks.json)" FS c]
        anon = r["ours" FS a FS "GET /api/v1/me without a credential (401)" FS c]
        for (s in scen) { v = r["ours" FS a FS s FS c]; if (s ~ /api\/v1\/me/ && ceil > 0) {
          printf "- accounts %s, %s at %s connections: %.2f x the ceiling", a, s, c, v / ceil
          if (s !~ /401/ && anon > 0) printf ", %.2f x the same call without a credential", v / anon
          printf "\n" } }
        kt = r["keycloak" FS "-" FS "POST .../openid-connect/token" FS c]; ki = r["keycloak" FS "-" FS "POST .../token/introspect" FS c]
        if (kt > 0) printf "- accounts %s, token grants at %s connections: %.1f x Keycloak\n", a, c, r["ours" FS a FS "POST /oauth2/token" FS c] / kt
        if (ki > 0) printf "- accounts %s, introspections at %s connections: %.1f x Keycloak\n", a, c, r["ours" FS a FS "POST /oauth2/introspect" FS c] / ki
      }
      if (large != "") for (s in scen) for (c in conns) {
        before = r["ours" FS small FS s FS c]; after = r["ours" FS small " (again)" FS s FS c]
        if (before + after > 0) printf "- at %s accounts against %s (the mean of before and after), %s at %s connections: %.2f x\n", large, small, s, c, r["ours" FS large FS s FS c] / ((before + after) / 2)
      }
    }' "$results" | sort
} | tee "$report"

# --- the regression gate (bench/floors.tsv) ----------------------------------------------------------
# Each scenario against its reference in the same run, at each size and concurrency measured; the
# median of those ratios (the smoke measures 100, 300 and 100 accounts again) must reach the floor,
# so one noisy or cold measurement neither fails CI nor hides a regression, which lowers them all.
if $floors; then
  gate_failed=0
  gate_out=$(awk -F'\t' '
    NR == FNR { if ($0 !~ /^#/ && NF >= 3) { floor[$1] = $3; ref[$1] = $2 }; next }
    $1 == "ours" { r[$3 FS $2 FS $4] = $5; keys[$2 FS $4] = 1 }
    END {
      bad = 0
      for (s in floor) {
        n = 0; seen = ""
        for (k in keys) { v = r[s FS k]; c = r[ref[s] FS k]
          if (c > 0 && v != "") { x[++n] = v / c; seen = seen sprintf(" %.3f", v / c) } }
        for (i = 2; i <= n; i++) for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
        median = n == 0 ? -1 : (n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2)
        ok = median >= floor[s]; if (!ok) bad++
        if (n == 0) printf "BELOW\t%s: not measured, floor %g x %s\n", s, floor[s], ref[s]
        else printf "%s\t%s: median %.3f x %s (measured:%s), floor %g\n", ok ? "ok" : "BELOW", s, median, ref[s], seen, floor[s]
      }
      exit bad > 0
    }' bench/floors.tsv "$results") || gate_failed=1
  echo; echo "Regression gate (bench/floors.tsv):"; sort -k2 <<<"$gate_out" | sed 's/^/  /'
  if [ $gate_failed -ne 0 ]; then echo "bench: below a floor of bench/floors.tsv; see the figures above" >&2; exit 1; fi
fi

if $smoke; then
  zero=$(awk -F'\t' '$5 == 0 || $5 == "" {n++} END {print n+0}' "$results")
  if [ "$errors_total" -gt 0 ] || [ "$zero" -gt 0 ]; then
    echo "bench smoke: $errors_total errors, $zero scenarios without a single request" >&2; exit 1
  fi
  echo "bench smoke: every scenario answered without errors"
fi
