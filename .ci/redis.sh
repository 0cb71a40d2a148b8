# Sourced by .ci/run (and by test/faults/ci-redis.test.ts): make sure a Redis answers on
# 127.0.0.1:$CI_REDIS_PORT, installing redis-server with apt when it is missing, and stop on exit
# only a server this script started itself (a Redis that was already running is left alone).
CI_REDIS_PORT="${CI_REDIS_PORT:-6379}"
CI_REDIS_STARTED_PID=""

# PING over bash's /dev/tcp, so the check needs neither redis-cli nor a client library.
redis_answers() {
  local reply=""
  { exec 3<>"/dev/tcp/127.0.0.1/$CI_REDIS_PORT"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3>&- 3<&-
  [[ "$reply" == +PONG* ]]
}

ensure_redis() {
  if redis_answers; then
    echo "ci: using the Redis already answering on 127.0.0.1:$CI_REDIS_PORT"
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "ci: redis-server missing; installing it with apt"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server
    command -v redis-server >/dev/null 2>&1 || { echo "ci: apt did not install redis-server" >&2; return 1; }
  fi
  local pidfile
  pidfile="$(mktemp -u /tmp/ci-redis-XXXXXX.pid)"
  echo "ci: starting redis-server on 127.0.0.1:$CI_REDIS_PORT"
  redis-server --daemonize yes --pidfile "$pidfile" --bind 127.0.0.1 --port "$CI_REDIS_PORT" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 50); do
    if redis_answers; then
      CI_REDIS_STARTED_PID="$(cat "$pidfile" 2>/dev/null || true)"
      return 0
    fi
    sleep 0.1
  done
  echo "ci: redis-server did not answer on 127.0.0.1:$CI_REDIS_PORT within 5 s" >&2
  return 1
}

stop_started_redis() {
  if [ -n "$CI_REDIS_STARTED_PID" ]; then
    echo "ci: stopping the redis-server this run started (pid $CI_REDIS_STARTED_PID)"
    kill "$CI_REDIS_STARTED_PID" 2>/dev/null || true
    CI_REDIS_STARTED_PID=""
  fi
}
