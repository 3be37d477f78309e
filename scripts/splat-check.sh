#!/usr/bin/env bash
# Fail (exit 1) if a guest console log shows a kernel splat, printing the first one with
# context on stderr. With --first, print only the first splat line, on stdout (for a summary).
# Kernel lines carry a printk timestamp ("[   12.345678] "), which keeps user output that
# happens to contain the same words from matching.
set -u
first_only=0
[ "${1:-}" = --first ] && { first_only=1; shift; }
log=${1:?usage: splat-check.sh [--first] console.log}
# (page_table_check reports through BUG_ON and WARN, matched as such: the bare name also
# matches its functions in any backtrace.)
pat='\[ *[0-9]+\.[0-9]+\] .*(Kernel panic|kernel BUG at|BUG: |Oops|WARNING: |cut here|Bad page|Bad rss-counter|KASAN: |UBSAN: |general protection fault|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|list_add corruption|list_del corruption|Unable to handle kernel|INFO: task .* blocked)'
# Platform messages that say WARNING without being a kernel warning: pseries under QEMU
# has an empty NVRAM ("WARNING: nvram corruption detected: 0-length partition").
benign='WARNING: nvram corruption detected: 0-length partition'
# What the kernel prints after vm-run's watchdog has asked it for backtraces (sysrq l, w)
# is that dump, not a splat; the run has failed already, on its timeout.
end=$(grep -naE '\[ *[0-9]+\.[0-9]+\] sysrq: ' "$log" | head -n1 | cut -d: -f1)
hits=$({ if [ -n "$end" ]; then head -n "$end" "$log"; else cat "$log"; fi; } |
	grep -naE "$pat" | grep -vF "$benign" || true)
[ -z "$hits" ] && exit 0
if [ $first_only = 1 ]; then
	# The line that names the splat, not the "cut here" rule above a WARNING.
	{ grep -vF 'cut here' <<<"$hits" || echo "$hits"; } | head -n1 | cut -d: -f2- |
		sed 's/^[^]]*\] *//' | cut -c1-200
	exit 1
fi
echo "=== kernel splat in $log ===" >&2
first=$(head -n1 <<<"$hits" | cut -d: -f1)
sed -n "$((first > 5 ? first - 5 : 1)),$((first + 40))p" "$log" >&2
echo "=== $(wc -l <<<"$hits") splat line(s) in all ===" >&2
exit 1
