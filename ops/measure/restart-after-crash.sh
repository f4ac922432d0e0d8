#!/usr/bin/env bash
# Measures how long `campaign up` takes to be ready again after kill -9 with state in its stores,
# and how much state (store bytes on disk, changelog bytes) a number of posts leaves behind.
#
#   ops/measure/restart-after-crash.sh [POSTS] [DATA_DIR]
#
# Then, beside that stack, a `campaign run crisis --instance-id c1` instance: its first start and its
# restart after kill -9.
#
# Uses spare ports (Kafka 19192, registry 18181, HTTP 18180 and 18183, each with its ops port 10
# above) and the jar in services/cli/target.
set -euo pipefail
posts=${1:-3000}
data=${2:-/tmp/restart-measure}
jar=${CAMPAIGN_JAR:-services/cli/target/campaign.jar}
ports=(--kafka-port 19192 --registry-port 18181 --http-port 18180)
ready_url=http://localhost:18180/ready
rm -rf "$data" && mkdir -p "$data" && touch "$data/up.log"

# its own process group, so that kill -9 takes the registry child with it at once, as a crash of the
# machine or the container would (killed alone, campaign up leaves a child that stops by itself
# within seconds: RegistryChildWatchdogIT)
start_up() {
  up_log_line=$(($(wc -l <"$data/up.log") + 1))
  setsid java -jar "$jar" up "${ports[@]}" --data-dir "$data/stack" >>"$data/up.log" 2>&1 &
  up_pid=$!
}
# where the last start spent its time: the stack's own lines, with their times
phases() {
  tail -n +"$up_log_line" "$data/up.log" | grep -E 'Starting Kafka|Schema registry (process started|ready)|Kafka broker ready|Topics ready|Schemas of the topics|Service started|Services started|to="RUNNING"|ready in' |
    sed -E 's/ (clusterId|dataDir|storage|log|bootstrap|url|pid|port|mode|secured)="[^"]*"//g; s/^/    /'
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
seconds_to_ready() {
  local started=$1 url=${2:-$ready_url} pid=${3:-$up_pid}
  until kill -0 "$pid" 2>/dev/null && curl -fs -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died, see $data/*.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(echo "scale=1; ($(date +%s%N) - $started) / 1000000000" | bc) s (load average $(load))"
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
echo "first start: ready after $(seconds_to_ready "$t0")"
phases
java -jar "$jar" emit --bootstrap localhost:19192 \
  --registry http://localhost:18181/apis/ccompat/v7 "$data/events.jsonl" 2>>"$data/emit.log"
# let every service take the posts in: a decision for every post (on a loaded machine governance may
# not have decided one yet when emit returns), then the changelogs no longer growing
logs=$data/stack/kafka/node-0/data
# record bytes (.log files): du would count the preallocated index files
log_bytes() { cat "$@" 2>/dev/null | wc -c; }
decided() {
  java -jar "$jar" export campaign.post-decisions --from-beginning --bootstrap localhost:19192 \
    --registry http://localhost:18181/apis/ccompat/v7 2>>"$data/export.log" |
    grep -o '"postId":"load-[0-9]*"' | sort -u | wc -l
}
deadline=$((SECONDS + 900))
until [ "$(decided)" -ge "$posts" ]; do
  ((SECONDS < deadline)) || { echo "not every post decided within 15 min, see $data/*.log" >&2; exit 1; }
  sleep 5
done
changelogs() { log_bytes "$logs"/*-changelog-*/*.log; }
previous=-1
until [ "$(changelogs)" = "$previous" ]; do previous=$(changelogs); sleep 5; done
echo "state after $posts posts (bytes): stores on disk while running $(du -sb "$data/stack/streams-state" | cut -f1)," \
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
echo "after kill -9: ready after $(seconds_to_ready "$t0")"
phases
grep -c TaskCorruptedException "$data/up.log" | sed 's/^/  TaskCorruptedException logged: /' || true

kill "$up_pid"; wait "$up_pid" 2>/dev/null || true
t0=$(date +%s%N); start_up
echo "after a clean stop: ready after $(seconds_to_ready "$t0")"
phases

run_url=http://localhost:18183/ready
start_run() {
  java -jar "$jar" run crisis --instance-id c1 --bootstrap localhost:19192 \
    --registry http://localhost:18181/apis/ccompat/v7 --http-port 18183 --data-dir "$data/run" \
    >>"$data/run.log" 2>&1 &
  run_pid=$!
}
t0=$(date +%s%N); start_run
echo "campaign run crisis --instance-id c1, first start: ready after" \
  "$(seconds_to_ready "$t0" "$run_url" "$run_pid")"
sleep 5 # let it commit while it runs
kill -9 "$run_pid"; wait "$run_pid" 2>/dev/null || true
t0=$(date +%s%N); start_run
echo "campaign run crisis --instance-id c1, after kill -9: ready after" \
  "$(seconds_to_ready "$t0" "$run_url" "$run_pid")"
kill "$run_pid"; wait "$run_pid" 2>/dev/null || true
kill "$up_pid"; wait "$up_pid" 2>/dev/null || true

# stores on disk once closed: a running RocksDB store keeps recent writes in memory (Streams turns
# its write-ahead log off), so du of a running stack shows little of them
echo "stores on disk after a clean stop (bytes): $(du -sb "$data/stack/streams-state" | cut -f1)"
for service in "$data"/stack/streams-state/*/; do
  echo "  $(basename "$service"): $(du -sb "$service" | cut -f1)"
done
