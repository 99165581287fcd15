#!/usr/bin/env bash
# The PromQL check (deploy/README.md, "The PromQL check"): a panel that can never show data is a
# defect, and so is an alert rule that can never decide.
#
# 1. starts the packaged local hub (sandbox/launcher/target/retail-hub-local.jar) on free ports
#    and a fresh data directory, parcels received 2 s after their RMA exists;
# 2. starts a real Prometheus (Debian's package) that scrapes the three services every 2 s under
#    the job names of deploy/prometheus/prometheus.yml and loads deploy/prometheus/rules/*.yml;
# 3. drives a scripted mix over HTTP: returns through the portal, an agent and a store; a
#    payment outage while a refund parks; a refund the provider refuses, sent on by an agent; an
#    ERP slowdown during order 360 calls; a poison event (dead letter); duplicated and unsigned
#    warehouse webhooks; a case comment, agent search, a guest session, a live timeline stream,
#    an order placed in ERP for the order feed; a reconciliation run by ops;
# 4. once Prometheus has scraped the end of the mix, runs every dashboard panel's query, every
#    template variable's query and every alert rule's expression without its threshold
#    (deploy/check-dashboards.py) and fails when any returns no series.
#
# Prometheus and the hub are always stopped (trap). Needs the jar (./mvnw package or verify),
# a JDK 17, curl, jq, python3; installs Debian's prometheus and kcat when missing.
# KEEP_WORK=1 keeps the temporary directory (logs, Prometheus data) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=sandbox/launcher/target/retail-hub-local.jar
HELPER=deploy/check-dashboards.py
DASHBOARDS=deploy/grafana/dashboards
RULES='deploy/prometheus/rules/*.yml'
HUB_START_TIMEOUT=${HUB_START_TIMEOUT:-300}
STARTED=$(date +%s)

log() { printf '[check-dashboards %4ss] %s\n' "$(($(date +%s) - STARTED))" "$*"; }
warn() { log "WARNING: $*"; }
fail() {
	log "FAILED: $*"
	exit 1
}

[ -f "$JAR" ] || fail "no $JAR: build it first (./mvnw -DskipTests package)"
missing=()
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v jq >/dev/null 2>&1 || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
	log "installing ${missing[*]} (Debian packages)"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in java curl python3; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool is needed"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/retailhub-dashboards.XXXXXX")
HUB_PID=""
PROM_PID=""
SSE_PID=""

stop_pid() { # pid, name, seconds to wait after SIGTERM
	local pid=$1 name=$2 patience=$3
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq "$patience"); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 1
	done
	if kill -0 "$pid" 2>/dev/null; then
		warn "$name did not stop within ${patience}s: killing it"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	stop_pid "$SSE_PID" "the timeline stream" 2
	stop_pid "$PROM_PID" Prometheus 20
	stop_pid "$HUB_PID" "the hub" 60
	# a PostgreSQL server a killed launcher left behind (its own pid file names it)
	local pg_pid_file="$WORK/data/postgres/postmaster.pid"
	if [ -f "$pg_pid_file" ]; then
		local pg_pid
		pg_pid=$(head -1 "$pg_pid_file" 2>/dev/null || true)
		if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
			warn "PostgreSQL ($pg_pid) still running after the hub stopped: stopping it"
			stop_pid "$pg_pid" PostgreSQL 20
		fi
	fi
	if [ "$rc" -ne 0 ]; then
		for f in hub.log prometheus.log mix.log; do
			if [ -s "$WORK/$f" ]; then
				echo "---- last lines of $f"
				grep -v '^\[event\]' "$WORK/$f" | tail -40 || true
			fi
		done
	fi
	if [ "${KEEP_WORK:-0}" = 1 ]; then
		log "kept $WORK"
	else
		rm -rf "$WORK"
	fi
	log "hub and Prometheus stopped; $(($(date +%s) - STARTED)) s in all"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# 1. the hub

# C1 only: the JVM's start is CPU-bound (five Spring contexts on a 2-core machine); the mix does not need C2
read -r -a HUB_JAVA_OPTIONS <<<"${HUB_JAVA_OPTS--XX:TieredStopAtLevel=1}"
mapfile -t PORTS < <(python3 "$HELPER" free-ports 4)
EXP_PORT=${PORTS[0]} SYS_PORT=${PORTS[1]} PROC_PORT=${PORTS[2]} PROM_PORT=${PORTS[3]}
log "starting the hub (experience-api :$EXP_PORT, system-api :$SYS_PORT, process-api :$PROC_PORT)"
RETAILHUB_PG_PORT=0 RETAILHUB_KAFKA_PORT=0 RETAILHUB_SANDBOX_PORT=0 RETAILHUB_IDENTITY_PORT=0 \
	RETAILHUB_EXPERIENCE_API_PORT=$EXP_PORT RETAILHUB_SYSTEM_API_PORT=$SYS_PORT RETAILHUB_PROCESS_API_PORT=$PROC_PORT \
	RETAILHUB_DATA_DIR="$WORK/data" RETAILHUB_AUTO_RECEIVE_AFTER=2s \
	java "${HUB_JAVA_OPTIONS[@]}" -jar "$JAR" >"$WORK/hub.log" 2>&1 </dev/null &
HUB_PID=$!

for _ in $(seq "$HUB_START_TIMEOUT"); do
	grep -q '^Retail Hub is ready$' "$WORK/hub.log" && break
	kill -0 "$HUB_PID" 2>/dev/null || fail "the hub stopped while starting"
	sleep 1
done
grep -q '^Retail Hub is ready$' "$WORK/hub.log" || fail "the hub was not ready within ${HUB_START_TIMEOUT}s"

printed() { # the first match of a sed expression in what the launcher printed
	sed -nE "$1" "$WORK/hub.log" | head -1
}
EXP=$(printed 's#^ *Experience API +(http://[^/ ]+).*#\1#p')
PROC=$(printed 's#^ *Process API +(http://[^/ ]+).*#\1#p')
SYS=$(printed 's#^ *System API +(http://[^/ ]+).*#\1#p')
SANDBOX=$(printed 's#^ *Sandbox admin +(http://[^/ ]+).*#\1#p')
IDENTITY=$(printed 's#^ *Identity +(http://[^ ]+).*#\1#p')
KAFKA=$(printed 's#^ *Kafka +(localhost:[0-9]+).*#\1#p')
for v in EXP PROC SYS SANDBOX IDENTITY KAFKA; do
	[ -n "${!v}" ] || fail "the launcher printed no URL for $v"
done
log "hub ready: experience $EXP, process $PROC, system $SYS, sandbox $SANDBOX, identity $IDENTITY, kafka $KAFKA"

token() { # user name, or empty for the service token
	if [ -z "${1:-}" ]; then
		curl -sS -u retailhub-cli:cli-secret -d grant_type=client_credentials "$IDENTITY/oauth2/token" | jq -er .access_token
	else
		curl -sS -u retailhub-cli:cli-secret -d grant_type=password -d username="$1" -d password=demo \
			"$IDENTITY/oauth2/token" | jq -er .access_token
	fi
}
SERVICE=$(token) || fail "no service token"
AGENT=$(token agent.ava) || fail "no token for agent.ava"
OPS=$(token ops.olga) || fail "no token for ops.olga"
STORE=$(token store.nyc) || fail "no token for store.nyc"
CUSTOMER1=$(token customer.17100001) || fail "no token for customer.17100001"
CUSTOMER2=$(token customer.17100002) || fail "no token for customer.17100002"

# ---------------------------------------------------------------------------------------------
# 2. Prometheus

targets=()
credentials=()
for pair in "system-api=$SYS" "process-api=$PROC" "experience-api=$EXP"; do
	job=${pair%%=*}
	url=${pair#*=}
	code=$(curl -s -o /dev/null -w '%{http_code}' "$url/actuator/prometheus" || true)
	case $code in
	200) ;;
	401 | 403)
		log "$job's /actuator/prometheus needs a token: scraping with a client-credentials token"
		printf '%s' "$SERVICE" >"$WORK/$job.token"
		credentials+=(--credentials "$job=$WORK/$job.token")
		;;
	*) fail "$job's /actuator/prometheus answered $code" ;;
	esac
	targets+=(--target "$job=${url#http://}")
done
python3 "$HELPER" prometheus-config "$WORK/prometheus.yml" "${targets[@]}" "${credentials[@]}" --rules "$PWD/$RULES"
PROM=http://127.0.0.1:$PROM_PORT
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus" \
	--web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 </dev/null &
PROM_PID=$!
PROM_STARTED=$(date +%s)

prom_value() { # the first value an instant query returns, empty when none
	curl -sS --data-urlencode "query=$1" "$PROM/api/v1/query" | jq -r '.data.result[0].value[1] // empty'
}
targets_up() {
	[ "$(curl -sS "$PROM/api/v1/targets" 2>/dev/null | jq '[.data.activeTargets[] | select(.health == "up")] | length')" = 3 ]
}
for _ in $(seq 60); do
	targets_up && break
	kill -0 "$PROM_PID" 2>/dev/null || fail "Prometheus stopped"
	sleep 1
done
targets_up || fail "Prometheus does not scrape all three services: $(curl -sS "$PROM/api/v1/targets" | jq -c '[.data.activeTargets[] | {job: .labels.job, health, lastError}]')"
log "Prometheus $PROM scrapes system-api, process-api and experience-api every 2 s"

# ---------------------------------------------------------------------------------------------
# 3. the mix

# http METHOD URL TOKEN [BODY] [IDEMPOTENCY_KEY]: the body on stdout; fails unless 2xx
http() {
	local method=$1 url=$2 auth=${3:-} body=${4:-} key=${5:-} out code
	out=$(mktemp "$WORK/answer.XXXXXX")
	local args=(-sS -X "$method" -o "$out" -w '%{http_code}' --max-time 60)
	[ -n "$auth" ] && args+=(-H "Authorization: Bearer $auth")
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
	[ -n "$key" ] && args+=(-H "Idempotency-Key: $key")
	code=$(curl "${args[@]}" "$url" || echo 000)
	echo "$method $url -> $code" >>"$WORK/mix.log"
	cat "$out"
	if [[ $code != 2?? ]]; then
		echo "$method $url -> $code: $(head -c 400 "$out")" >>"$WORK/mix.log"
		rm -f "$out"
		return 1
	fi
	rm -f "$out"
}

wait_until() { # description, seconds, command...: polls every second
	local what=$1 seconds=$2
	shift 2
	for _ in $(seq "$seconds"); do
		"$@" >/dev/null && return 0
		sleep 1
	done
	fail "$what: not within ${seconds}s"
}
soon_or_warn() { # description, seconds, command...: as wait_until, but only a warning when it does not happen
	local what=$1 seconds=$2
	shift 2
	for _ in $(seq "$seconds"); do
		"$@" >/dev/null && return 0
		sleep 1
	done
	warn "$what: not within ${seconds}s"
}
breaker_opened() { # backend: its breaker open or half-open in the last minute, as Prometheus saw it
	prom_above "max(max_over_time(resilience4j_circuitbreaker_state{job=\"system-api\", name=\"$1\", state=~\"open|half_open\"}[1m]))" 0
}

return_status() {
	http GET "$PROC/api/process/v1/returns/$1" "$SERVICE" | jq -r .status
}
status_is() { # return id, status...
	local s
	s=$(return_status "$1") || return 1
	shift
	for wanted in "$@"; do [ "$s" = "$wanted" ] && return 0; done
	return 1
}
status_is_not() {
	local s
	s=$(return_status "$1") || return 1
	[ -n "$s" ] && [ "$s" != "$2" ]
}
ended() { status_is "$1" CLOSED DECLINED CANCELED EXPIRED; }
prom_above() { # expression, threshold
	local v
	v=$(prom_value "$1")
	[ -n "$v" ] && awk -v v="$v" -v t="$2" 'BEGIN { exit !(v > t) }'
}

# an eligible line of one of the shopper's orders (not among those given): "order line"
portal_pick() {
	local auth=$1 exclude=" ${2:-} " order line
	for order in $(http GET "$EXP/api/portal/v1/orders" "$auth" | jq -r '.orders.data[]?.id'); do
		[[ $exclude == *" $order "* ]] && continue
		line=$(http GET "$EXP/api/portal/v1/orders/$order/returnable-lines" "$auth" |
			jq -r '[.[] | select(.eligible and .returnable > 0)][0].lineNumber // empty') || continue
		if [ -n "$line" ]; then
			echo "$order $line"
			return 0
		fi
	done
	return 1
}
# an eligible line of one of the first customer's orders that has one (orders given excluded), found
# by the agent through customer 360 and order 360: "customer order line"
agent_pick() {
	local exclude=" $1 " customer order line
	shift
	for customer in "$@"; do
		for order in $(http GET "$EXP/api/agent/v1/customers/$customer" "$AGENT" | jq -r '.panels.orders.data[]?.id'); do
			[[ $exclude == *" $order "* ]] && continue
			line=$(http GET "$EXP/api/agent/v1/orders/$order" "$AGENT" |
				jq -r '[.panels.eligibility.data[]? | select(.eligible and .returnable > 0)][0].lineNumber // empty') || continue
			if [ -n "$line" ]; then
				echo "$customer $order $line"
				return 0
			fi
		done
	done
	return 1
}
portal_return() { # token, order, line, reason, key -> return id
	http POST "$EXP/api/portal/v1/returns" "$1" \
		"{\"orderId\":\"$2\",\"lines\":[{\"lineNumber\":\"$3\",\"quantity\":1,\"reason\":\"$4\"}]}" "$5" | jq -er .id
}
agent_return() { # order, line, reason, key -> return id
	http POST "$EXP/api/agent/v1/orders/$1/returns" "$AGENT" \
		"{\"lines\":[{\"lineNumber\":\"$2\",\"quantity\":1,\"reason\":\"$3\"}]}" "$4" | jq -er .id
}
order360_wave() { # count, order...: order 360 calls at once, as agent.ava; waits for all
	local count=$1 pids=() i
	shift
	for i in $(seq "$count"); do
		local order=${*:$((((i - 1) % $#) + 1)):1}
		curl -sS -o /dev/null --max-time 30 -H "Authorization: Bearer $AGENT" "$EXP/api/agent/v1/orders/$order" &
		pids+=($!)
	done
	for pid in "${pids[@]}"; do wait "$pid" || true; done
}

MIX_STARTED=$(date +%s)
log "mix: returns through the portal, an agent and a store; webhooks delivered twice; a live timeline stream"
http PUT "$SANDBOX/admin/warehouse/webhooks/chaos" "" '{"duplicateProbability":1.0}' >/dev/null ||
	fail "could not make the warehouse deliver webhooks twice"

read -r P1_ORDER P1_LINE < <(portal_pick "$CUSTOMER1") || fail "no returnable line for customer 17100001"
# the order's live timeline, open while its return goes on (retailhub_timeline_streams_open)
curl -sSN --max-time 30 -H "Authorization: Bearer $AGENT" \
	"$EXP/api/agent/v1/orders/$P1_ORDER/timeline/stream" >"$WORK/stream.txt" 2>/dev/null &
SSE_PID=$!
R1=$(portal_return "$CUSTOMER1" "$P1_ORDER" "$P1_LINE" SIZE_TOO_SMALL mix-portal-1) || fail "portal return 1"
read -r P2_ORDER P2_LINE < <(portal_pick "$CUSTOMER2") || fail "no returnable line for customer 17100002"
R2=$(portal_return "$CUSTOMER2" "$P2_ORDER" "$P2_LINE" DEFECTIVE mix-portal-2) || fail "portal return 2"
read -r P3_ORDER P3_LINE < <(portal_pick "$CUSTOMER1" "$P1_ORDER") || fail "no second returnable order for customer 17100001"
R3=$(portal_return "$CUSTOMER1" "$P3_ORDER" "$P3_LINE" NOT_AS_DESCRIBED mix-portal-3) || fail "portal return 3"
read -r _ A_ORDER A_LINE < <(agent_pick "" 17100004 17100006 17100008 17100010) || fail "no returnable line for an agent's return"
R4=$(agent_return "$A_ORDER" "$A_LINE" WRONG_ITEM mix-agent-1) || fail "agent return"
read -r STORE_CUSTOMER S_ORDER S_LINE < <(agent_pick "$A_ORDER" 17100003 17100007 17100009 17100011) ||
	fail "no returnable line for a store return"
LAST_NAME=$(http GET "$EXP/api/agent/v1/customers/$STORE_CUSTOMER" "$AGENT" | jq -er .panels.profile.data.lastName) ||
	fail "no last name for customer $STORE_CUSTOMER"
http GET "$EXP/api/store/v1/orders/$S_ORDER?lastName=$(jq -rn --arg v "$LAST_NAME" '$v|@uri')" "$STORE" >/dev/null ||
	fail "store order lookup"
R5=$(http POST "$EXP/api/store/v1/returns" "$STORE" \
	"{\"orderId\":\"$S_ORDER\",\"lastName\":$(jq -n --arg v "$LAST_NAME" '$v'),\"lines\":[{\"lineNumber\":\"$S_LINE\",\"quantity\":1,\"reason\":\"UNWANTED\",\"condition\":\"NEW\",\"disposition\":\"RESTOCK\"}]}" \
	mix-store-1 | jq -er .id) || fail "store return"
log "returns $R1 $R2 $R3 (portal), $R4 (agent), $R5 (store) started"

# a case comment while return 1's case is open
case_id() { http GET "$PROC/api/process/v1/returns/$1" "$SERVICE" | jq -er '.caseId // empty'; }
wait_until "a CRM case for return $R1" 60 case_id "$R1"
CASE=$(case_id "$R1")
http POST "$EXP/api/agent/v1/cases/$CASE/comments" "$AGENT" '{"body":"Called the customer back (dashboard check)."}' >/dev/null ||
	warn "the case comment was refused (the case may have closed already)"

# agent search, a guest session, an unsigned webhook, a new ERP order for the order feed
http GET "$EXP/api/agent/v1/customers?email=anna.hall.0001@example.com" "$AGENT" >/dev/null || fail "agent search by e-mail"
http GET "$EXP/api/agent/v1/customers?name=anna%20hal" "$AGENT" >/dev/null || fail "agent search by name"
GUEST_ORDER=WEB-100002
GUEST_EMAIL=$(http GET "$EXP/api/agent/v1/orders/$GUEST_ORDER" "$AGENT" | jq -er .panels.profile.data.email) ||
	fail "no e-mail for $GUEST_ORDER"
GUEST=$(http POST "$EXP/api/portal/v1/guest-sessions" "" \
	"{\"orderNumber\":\"$GUEST_ORDER\",\"email\":\"$GUEST_EMAIL\"}" | jq -er .accessToken) || fail "guest session"
http GET "$EXP/api/portal/v1/orders/$GUEST_ORDER" "$GUEST" >/dev/null || fail "the guest's order"
code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
	--data '{"id":"evt_unsigned","type":"return_receipt.created"}' "$SYS/api/system/v1/webhooks/warehouse" || true)
[ "$code" = 401 ] || warn "an unsigned webhook answered $code, not 401"
http POST "$SANDBOX/admin/erp/sales-orders" "" \
	'{"orderNumber":"WEB-900001","customerNumber":"17100001","channel":"WEB","lines":[{"sku":"MAT-1001","quantity":1}]}' >/dev/null ||
	warn "could not place an ERP order for the order feed"

# a poison event on retail.returns.v1: a receipt whose payload is not JSON (a dead letter)
POISON_ID=$(python3 -c 'import uuid; print(uuid.uuid4())')
printf '%s\n' '{"rmaNumber": ["not a receipt' | kcat -P -b "$KAFKA" -t retail.returns.v1 -k WEB-POISON-1 \
	-H ce_specversion=1.0 -H "ce_id=$POISON_ID" -H ce_source=/retail-hub/system-api \
	-H ce_type=io.retailhub.return.received.v1 -H ce_subject=rmas/69999999 -H ce_time=2026-03-14T09:27:00Z \
	-H ce_sequence=0000000000000000001 -H ce_correlationid=dashboard-check -H content-type=application/json ||
	fail "could not publish the poison event to Kafka at $KAFKA"
dead_lettered() {
	http GET "$EXP/api/ops/v1/dead-letters?size=200" "$OPS" | jq -e --arg id "$POISON_ID" 'any(.items[]; .eventId == $id)' >/dev/null
}
wait_until "the poison event in the dead letters" 60 dead_lettered
log "poison event $POISON_ID dead-lettered"

for r in $R1 $R2 $R3 $R4 $R5; do
	wait_until "return $r to end" 120 ended "$r"
done
http DELETE "$SANDBOX/admin/warehouse/webhooks/chaos" "" >/dev/null || warn "could not stop the webhook chaos"
log "returns ended: $(for r in $R1 $R2 $R3 $R4 $R5; do printf '%s ' "$(return_status "$r")"; done)"

# a payment outage while a refund parks; order 360 calls meanwhile open the payment breaker
log "mix: payment outage while a refund parks"
http PUT "$SANDBOX/admin/faults/payment" "" '{"outage":true}' >/dev/null || fail "payment outage"
read -r P6_ORDER P6_LINE < <(portal_pick "$CUSTOMER2" "$P2_ORDER") || fail "no second returnable order for customer 17100002"
R6=$(portal_return "$CUSTOMER2" "$P6_ORDER" "$P6_LINE" COLOR mix-portal-4) || fail "portal return during the outage"
order360_wave 12 "$P6_ORDER" "$P2_ORDER" WEB-100001
wait_until "return $R6's refund to park (retailhub_refunds_parked > 0 in Prometheus)" 90 \
	prom_above 'max(retailhub_refunds_parked{job="process-api"})' 0
soon_or_warn "the payment breaker to open during the outage (an integration incident)" 20 breaker_opened payment
http DELETE "$SANDBOX/admin/faults/payment" "" >/dev/null || fail "ending the payment outage"
wait_until "return $R6 to close after the outage" 150 ended "$R6"
log "return $R6 $(return_status "$R6") after the outage"

# a refund the provider refuses: the return needs a person, who sends it on
log "mix: a refund the payment provider refuses, resumed by an agent"
http PUT "$SANDBOX/admin/payment/refund-behavior" "" '{"initialStatus":"failed","failureReason":"expired_or_canceled_card"}' >/dev/null ||
	fail "making refunds fail"
read -r _ M_ORDER M_LINE < <(agent_pick "$A_ORDER $S_ORDER" 17100005 17100012 17100013 17100014) ||
	fail "no returnable line for the return to be refused"
R7=$(agent_return "$M_ORDER" "$M_LINE" STYLE mix-agent-2) || fail "agent return to be refused"
wait_until "return $R7 to need a person" 120 status_is "$R7" REQUIRES_ACTION
http DELETE "$SANDBOX/admin/payment/refund-behavior" "" >/dev/null || fail "refunds back to normal"
http POST "$EXP/api/agent/v1/returns/$R7/resumption" "$AGENT" >/dev/null || fail "resuming return $R7"
wait_until "return $R7 to move on after the resumption" 60 status_is_not "$R7" REQUIRES_ACTION
wait_until "the exception handling time in Prometheus" 30 \
	prom_above 'sum(retailhub_exception_handling_seconds_count{job="process-api"})' 0
log "return $R7 resumed: $(return_status "$R7")"

# the reconciliation report, run now by ops over the orders of the mix (the daily run waits for its
# cron): its gauges per mismatch kind and its finish time
log "mix: a reconciliation run by ops"
REPORT=$(http POST "$EXP/api/ops/v1/reconciliation/runs" "$OPS") || fail "running the reconciliation"
log "reconciliation: $(jq -c '{ordersChecked, mismatchesByKind, mismatched: [.orders[] | select(.mismatches | length > 0)]}' <<<"$REPORT")"
http GET "$EXP/api/ops/v1/reconciliation/reports/latest" "$OPS" >/dev/null || fail "reading the latest reconciliation report"
wait_until "the reconciliation gauges in Prometheus" 30 \
	prom_above 'max(retailhub_reconciliation_last_run_timestamp_seconds{job="process-api"})' 0

# an ERP slowdown during order 360 calls: panels past their budget, slow calls open the breaker
log "mix: ERP slowdown (2.5 s) during order 360 calls"
http PUT "$SANDBOX/admin/faults/erp" "" '{"latencyMs":2500}' >/dev/null || fail "ERP slowdown"
order360_wave 12 WEB-100001 "$P1_ORDER" "$P3_ORDER" "$A_ORDER"
order360_wave 12 WEB-100001 "$P1_ORDER" "$P3_ORDER" "$A_ORDER"
soon_or_warn "the ERP breaker to open during the slowdown (an integration incident)" 20 breaker_opened erp
http DELETE "$SANDBOX/admin/faults/erp" "" >/dev/null || fail "ending the ERP slowdown"
http GET "$EXP/api/agent/v1/orders/WEB-100001" "$AGENT" >/dev/null || true

stop_pid "$SSE_PID" "the timeline stream" 2
SSE_PID=""
grep -q '^:open' "$WORK/stream.txt" || warn "the timeline stream did not say :open"
grep -q '^event:timeline-entry' "$WORK/stream.txt" || warn "the timeline stream carried no entry of $P1_ORDER"
MIX_ENDED=$(date +%s)
log "mix done in $((MIX_ENDED - MIX_STARTED)) s"

# ---------------------------------------------------------------------------------------------
# 4. the queries, once Prometheus has scraped the end of the mix

scraped_after_mix() { # every service's latest scrape (the timestamp of its "up" sample) after the mix
	[ "$(prom_value 'count(timestamp(up{job=~"system-api|process-api|experience-api"} == 1) > '"$MIX_ENDED"')')" = 3 ]
}
wait_until "Prometheus to scrape the three services after the mix" 30 scraped_after_mix
sleep 6 # three more scrapes and rule evaluations
elapsed=$(($(date +%s) - PROM_STARTED))
RANGE="$(((elapsed + 59) / 60 + 1))m"
log "querying Prometheus (\$__range = $RANGE, the time it has been scraping)"
if python3 "$HELPER" check "$PROM" "$DASHBOARDS" "$RULES" --range "$RANGE"; then
	log "PromQL check passed"
else
	fail "some dashboard or alert queries return no data (above)"
fi
