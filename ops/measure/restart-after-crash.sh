#!/usr/bin/env bash
# Measures how long `campaign up` takes to be ready again after kill -9 with state in its stores,
# and how much state (store bytes on disk, changelog bytes) a number of posts leaves behind.
#
#   ops/measure/restart-after-crash.sh [POSTS] [DATA_DIR]
#
# Uses spare ports (Kafka 19192, registry 18181, HTTP 18180) and the jar in services/cli/target.
set -euo pipefail
posts=${1:-3000}
data=${2:-/tmp/restart-measure}
jar=${CAMPAIGN_JAR:-services/cli/target/campaign.jar}
ports=(--kafka-port 19192 --registry-port 18181 --http-port 18180)
ready_url=http://localhost:18180/ready
rm -rf "$data" && mkdir -p "$data"

# its own process group, so that kill -9 takes the registry child with it, as a crash of the machine
# or the container would: the child outlives a kill -9 of campaign up alone and holds its port
start_up() {
  setsid java -jar "$jar" up "${ports[@]}" --data-dir "$data/stack" >>"$data/up.log" 2>&1 &
  up_pid=$!
}
seconds_to_ready() {
  local started=$1
  until curl -fs -o /dev/null "$ready_url"; do
    kill -0 "$up_pid" 2>/dev/null || { echo "campaign up died, see $data/up.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "scale=1; ($(date +%s%N) - $started) / 1000000000" | bc
}

# the policies, plan and milestones of the example, then POSTS drafts over four weeks
grep -v '"PostDrafted"\|"Incident' examples/budget-week.jsonl >"$data/events.jsonl"
for ((i = 0; i < posts; i++)); do
  day=$((1 + i % 28)); hour=$((8 + i % 10))
  printf '{"type":"PostDrafted","postId":"load-%d","revision":1,"branchId":"eastside","platform":"FACEBOOK","category":"CONTENT","text":"Load post %d: story time, new books, maker space.","hashtags":["#EastsideReads"],"scheduledAt":"2027-01-%02dT%02d:00:00Z","author":"jlee","draftedAt":"2026-12-01T10:00:00Z"}\n' \
    "$i" "$i" "$day" "$hour" >>"$data/events.jsonl"
  if ((i % 100 == 0)); then
    printf '{"type":"IncidentReported","incidentId":"load-incident-%d","branchId":"eastside","severity":"HIGH","category":"BOOK_CHALLENGE","summary":"Load incident","reportedBy":"front desk","reportedAt":"2026-12-01T10:00:00Z"}\n' "$i" >>"$data/events.jsonl"
  fi
done

t0=$(date +%s%N); start_up
echo "first start: ready after $(seconds_to_ready "$t0") s"
java -jar "$jar" emit --bootstrap localhost:19192 \
  --registry http://localhost:18181/apis/ccompat/v7 "$data/events.jsonl" 2>>"$data/emit.log"
# let every service take the posts in (decisions reach the compacted topic)
logs=$data/stack/kafka/node-0/data
# record bytes (.log files): du would count the preallocated index files
log_bytes() { cat "$@" 2>/dev/null | wc -c; }
decisions() { log_bytes "$logs"/campaign.post-decisions-*/*.log; }
previous=-1
until [ "$(decisions)" = "$previous" ]; do previous=$(decisions); sleep 5; done
echo "state after $posts posts (bytes): stores on disk $(du -sb "$data/stack/streams-state" | cut -f1)," \
  "changelog records $(log_bytes "$logs"/*-changelog-*/*.log)"
for service in "$data"/stack/streams-state/*/; do
  name=$(basename "$service")
  echo "  $name: stores $(du -sb "$service" | cut -f1), changelog records" \
    "$(log_bytes "$logs"/campaign-"$name"-*-changelog-*/*.log)"
done
for topic in post-decisions notification-receipts conflicts incident-status; do
  echo "  campaign.$topic: $(log_bytes "$logs"/campaign."$topic"-*/*.log)"
done

kill -9 -- -"$up_pid"; wait "$up_pid" 2>/dev/null || true
t0=$(date +%s%N); start_up
echo "after kill -9: ready after $(seconds_to_ready "$t0") s"
grep -c TaskCorruptedException "$data/up.log" | sed 's/^/  TaskCorruptedException logged: /' || true

kill "$up_pid"; wait "$up_pid" 2>/dev/null || true
t0=$(date +%s%N); start_up
echo "after a clean stop: ready after $(seconds_to_ready "$t0") s"
kill "$up_pid"; wait "$up_pid" 2>/dev/null || true
