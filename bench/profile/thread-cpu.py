"""CPU seconds per thread of every Chromium process started with the given profile directory, while a command runs.

    python3 bench/profile/thread-cpu.py PROFILE_DIR -- COMMAND...

Reads /proc/<pid>/task/<tid>/stat before and after (utime, stime): no tracing overhead.
"""
import os, sys, time, subprocess
prof = sys.argv[1]; cmd = sys.argv[3:]
hz = os.sysconf('SC_CLK_TCK')
def procs():
    out = {}
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            cl = open(f'/proc/{p}/cmdline','rb').read().decode(errors='replace').replace('\0',' ').split()
        except Exception: continue
        if not any(prof in a for a in cl): continue
        t = next((a[7:] for a in cl if a.startswith('--type=')), 'browser')
        st = next((a[19:] for a in cl if a.startswith('--utility-sub-type=')), '')
        out[p] = t + (':'+st.split('.')[-1] if st else '')
    return out
def snap(ps):
    s = {}
    for p, name in ps.items():
        try: tids = os.listdir(f'/proc/{p}/task')
        except Exception: continue
        for t in tids:
            try:
                comm = open(f'/proc/{p}/task/{t}/comm').read().strip()
                f = open(f'/proc/{p}/task/{t}/stat').read().rsplit(')',1)[1].split()
                s[(p,t)] = (name, comm, int(f[11]), int(f[12]))
            except Exception: pass
    return s
ps = procs(); a = snap(ps); t0 = time.time()
subprocess.run(cmd)
b = snap(ps); dt = time.time() - t0
rows = []
for k, (name, comm, u, s) in b.items():
    if k in a:
        du = (u - a[k][2]) / hz; ds = (s - a[k][3]) / hz
        if du + ds > 0.02: rows.append((du+ds, du, ds, k[0], name, comm))
rows.sort(reverse=True)
print(f'wall {dt:.2f}s; thread CPU seconds (user+sys, user, sys):')
for r in rows: print(f'{r[0]:7.2f} {r[1]:7.2f} {r[2]:7.2f}  pid {r[3]:>7} {r[4]:<28} {r[5]}')
