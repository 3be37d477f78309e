#!/usr/bin/env python3
"""Summarise a results directory written by guest-tests.sh (plus checkpatch results).

Prints a table (suite x passed/failed/skipped), every failure and every skip that the
expected-skips file does not list, and ends with the line "N passed, N failed, N skipped".
Writes summary.json beside the logs. Exit status 1 on any failure or unexpected skip.
With the check list as a third argument, a listed suite that left no exit status (the
guest died or timed out before it ended) is a failure too.
"""
import fnmatch
import json
import re
import sys
from pathlib import Path

RESULT = re.compile(r'^(not ok|ok)\s+\d+\s*(?:-\s*)?(.*?)\s*(?:#\s*(SKIP|skip|XFAIL|TODO)\b.*)?$')


def parse_log(text):
    """Top-level TAP result lines of one test program: [(status, name)]."""
    out = []
    for line in text.splitlines():
        m = RESULT.match(line)
        if not m:
            continue
        ok, name, directive = m.groups()
        if directive and directive.upper() == 'SKIP':
            out.append(('skip', name))
        elif ok == 'ok' or (directive and directive.upper() in ('XFAIL', 'TODO')):
            out.append(('pass', name))
        else:
            out.append(('fail', name))
    return out


COUNTS = re.compile(r'^(\d+) tests run, (\d+) passed, (\d+) failed', re.M)


def parse_counts(text):
    """Programs that print only "N tests run, N passed, N failed" (tools/testing/vma)."""
    m = COUNTS.search(text)
    if not m:
        return []
    _, passed, failed = map(int, m.groups())
    return [('pass', f'test {i + 1}') for i in range(passed)] + \
           [('fail', f'failed test {i + 1} (see the log)') for i in range(failed)]


def load_expected(path):
    exp = set()
    if path and Path(path).exists():
        for line in Path(path).read_text().splitlines():
            line = line.split('#', 1)[0].rstrip() if not line.startswith('#') else ''
            if line:
                suite, _, name = line.partition('\t')
                exp.add((suite.strip(), name.strip()))
    return exp


def load_list(path):
    """The suites of a check list, in order (suite<TAB>timeout<TAB>command lines)."""
    suites = []
    if path and Path(path).exists():
        for line in Path(path).read_text().splitlines():
            if line.strip() and not line.startswith('#') and '\t' in line:
                suites.append(line.split('\t', 1)[0])
    return suites


def main():
    res = Path(sys.argv[1])
    expected = load_expected(sys.argv[2] if len(sys.argv) > 2 else None)
    codes = []
    for line in (res / 'exit-codes').read_text().splitlines() if (res / 'exit-codes').exists() else []:
        suite, _, rc = line.rpartition(' ')
        codes.append((suite, int(rc)))
    if not codes:
        print('no test ran: the guest produced no results', file=sys.stderr)
    # Suites of the list that left no exit status did not finish: the guest crashed,
    # hung or ran out of time during or before them. Each still gets its row.
    done = {suite for suite, _ in codes}
    missing = [s for s in load_list(sys.argv[3] if len(sys.argv) > 3 else None) if s not in done]
    codes += [(suite, None) for suite in missing]
    rows, failures, new_skips, summary = [], [], [], {}
    for suite, rc in codes:
        log = res / f'{suite}.log'
        text = log.read_text(errors='replace') if log.exists() else ''
        results = parse_log(text) or parse_counts(text)
        if rc is None:
            results.append(('fail', 'did not finish (no exit status: the guest crashed, '
                                    'hung or ran out of time)'))
        elif not results:
            results = [('pass' if rc == 0 else 'skip' if rc == 4 else 'fail', suite)]
        elif rc not in (0, 4) and not any(s == 'fail' for s, _ in results):
            results.append(('fail', f'exit status {rc}'))
        unexpected = 0
        for status, name in results:
            if status == 'fail':
                failures.append(f'{suite}: {name}')
            elif status == 'skip' and not any(suite == es and fnmatch.fnmatchcase(name, en)
                                              for es, en in expected):
                new_skips.append(f'{suite}\t{name}')
                unexpected += 1
        counts = {s: sum(1 for r, _ in results if r == s) for s in ('pass', 'fail', 'skip')}
        verdict = 'FAIL' if counts['fail'] else 'SKIP!' if unexpected else 'ok'
        rows.append((suite, verdict, counts))
        summary[suite] = {'exit': rc, 'results': [{'name': n, 'status': s} for s, n in results]}
    width = max([len(r[0]) for r in rows] + [10])
    print(f"\n{'suite':<{width}}  result  passed  failed  skipped")
    for suite, verdict, c in rows:
        print(f"{suite:<{width}}  {verdict:<6}  {c['pass']:>6}  {c['fail']:>6}  {c['skip']:>7}")
    tot = {s: sum(r[2][s] for r in rows) for s in ('pass', 'fail', 'skip')}
    print(f"{'total':<{width}}          {tot['pass']:>6}  {tot['fail']:>6}  {tot['skip']:>7}\n")
    for f in failures:
        print(f'FAILED: {f}')
    flaky = res / 'flaky'
    for suite in (flaky.read_text().split('\n') if flaky.exists() else []):
        if suite:
            print(f'FLAKY: {suite} failed, then passed on the retry (first run: {suite}.first.log)')
    for s in new_skips:
        print(f'UNEXPECTED SKIP (not in {sys.argv[2] if len(sys.argv) > 2 else "expected skips"}): {s}')
    (res / 'summary.json').write_text(json.dumps(summary, indent=1) + '\n')
    failed = tot['fail'] + len(new_skips) + (0 if codes else 1)
    print(f"{tot['pass']} passed, {failed} failed, {tot['skip']} skipped")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
