#!/bin/sh
# Runs inside the guest (busybox sh): run every test of a list, kselftest style.
#   guest-tests.sh <selftests dir> <list> <results dir>
# The list has "suite<TAB>timeout<TAB>command" lines. The selftests directory is copied
# to tmpfs first (tests create files in their working directory, and a shared mapping of
# a 9p file is not what they mean to test); each command runs there. Its output goes to
# <results>/<suite>.log and, prefixed by "# ", to the console; the TAP stream also goes
# to <results>/tap.txt and exit codes to <results>/exit-codes. Exit code 4 is a skip.
# A failing command is run a second time; see below.
dir=$1 list=$2 res=$3
mkdir -p "$res"
rm -rf /tmp/selftests && cp -a "$dir" /tmp/selftests && dir=/tmp/selftests
touch "$res/exit-codes"
tab=$(printf '\t')
n=$(grep -v '^#' "$list" | grep -c .)

# The exit status the suite's shell left in .rc; 255 if the shell itself died (a kernel
# oops in it, a signal) and left none, so that the suite still fails and gets its row.
suite_rc() {
	rc=$(cat "$res/.rc" 2>/dev/null)
	[ -n "$rc" ] && return
	rc=255
	echo "# $suite: its shell died without an exit status" | tee -a "$res/$suite.log"
}

run_all() {
	echo "TAP version 13"
	echo "1..$n"
	echo "# kernel: $(uname -r) $(uname -m), $(grep -c ^processor /proc/cpuinfo) cpus"
	i=0
	grep -v '^#' "$list" | grep . | while IFS="$tab" read -r suite tmo cmd; do
		i=$((i + 1))
		echo "# selftests: $suite"
		t0=$(date +%s)
		rm -f "$res/.rc"
		( cd "$dir" && timeout "$tmo" sh -c "$cmd" 2>&1; echo $? > "$res/.rc" ) |
			tee "$res/$suite.log" | sed 's/^/# /'
		suite_rc
		# A failure is retried once (as LKFT and NIPA do); a pass on retry is
		# reported as flaky, with the failing run kept in <suite>.first.log.
		case "$rc" in 0|4|124|137|143) ;; *)
			mv "$res/$suite.log" "$res/$suite.first.log"
			echo "# $suite failed (exit $rc): retrying once"
			rm -f "$res/.rc"
			( cd "$dir" && timeout "$tmo" sh -c "$cmd" 2>&1; echo $? > "$res/.rc" ) |
				tee "$res/$suite.log" | sed 's/^/# /'
			suite_rc
			[ "$rc" = 0 ] && echo "$suite" >> "$res/flaky"
		esac
		echo "$suite $rc" >> "$res/exit-codes"
		dt=$(($(date +%s) - t0))
		echo "$suite $dt" >> "$res/durations"
		echo "# $suite took $dt s"
		case "$rc" in
		0) echo "ok $i selftests: $suite" ;;
		4) echo "ok $i selftests: $suite # SKIP" ;;
		124|137|143) echo "not ok $i selftests: $suite # TIMEOUT $tmo seconds" ;;
		*) echo "not ok $i selftests: $suite # exit=$rc" ;;
		esac
	done
}

run_all | tee "$res/tap.txt"
rm -f "$res/.rc"
# The kernel log at every level: the console shows warnings and worse only, and an
# OOM report's memory cgroup statistics are info.
dmesg > "$res/dmesg.txt" 2>&1 || true
# Leave any late kernel message in the console log before the guest reports.
sleep 1
