"""Per-datagram figures from a Chromium trace recorded by chromium-trace.mjs during a load run.

    python3 bench/profile/trace-summary.py TRACE.json ANSWERED

ANSWERED is the load tool's count of answered datagrams during the trace. Prints, for the renderer's main and IO
threads and the network service's IO thread, the Mojo messages and replies each received and the time it was busy,
per answered datagram, and the main thread's tasks per 200 ms.
"""
import collections
import json
import sys

trace = json.load(open(sys.argv[1]))
events = trace['traceEvents'] if isinstance(trace, dict) else trace
answered = int(sys.argv[2])
threads = {(e['pid'], e['tid']): e['args']['name'] for e in events
           if e.get('ph') == 'M' and e.get('name') == 'thread_name'}
processes = {e['pid']: str(e['args'].get('name')) for e in events
             if e.get('ph') == 'M' and e.get('name') == 'process_name'}
WATCHED = {('Renderer', 'CrRendererMain'), ('Renderer', 'Chrome_ChildIOThread'),
           ('Network', 'Chrome_ChildIOThread')}
COUNTED = ('Receive mojo message', 'Receive mojo reply', 'RunTask', 'EpollEvent')
counts = collections.Counter()
busy = collections.Counter()
buckets = collections.defaultdict(collections.Counter)
start = min(e['ts'] for e in events if e.get('ph') == 'X')
for e in events:
    if e.get('ph') != 'X':
        continue
    proc = processes.get(e['pid'], '?')
    kind = 'Network' if 'network' in proc.lower() else proc
    key = (kind, threads.get((e['pid'], e['tid']), '?'))
    if key not in WATCHED:
        continue
    if e['name'] in COUNTED:
        counts[key + (e['name'],)] += 1
    if e['name'] == 'ThreadController active':
        busy[key] += e.get('dur', 0)
    if key[1] == 'CrRendererMain' and e['name'] in ('Receive mojo message', 'Receive mojo reply'):
        buckets[int((e['ts'] - start) / 200_000)][e['name']] += 1
print('per answered datagram (%d answered):' % answered)
for k in sorted(counts):
    print('  %-60s %6.2f' % (' / '.join(k), counts[k] / answered))
for k in sorted(busy):
    print('  %-60s %6.1f us busy' % (' / '.join(k), busy[k] / answered))
print('renderer main thread per 200 ms: datagrams received (mojo messages), sends completed (mojo replies)')
for b in sorted(buckets):
    print('  %5d ms %6d %6d' % (b * 200, buckets[b]['Receive mojo message'], buckets[b]['Receive mojo reply']))
