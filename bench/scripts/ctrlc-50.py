#!/usr/bin/env python3
"""Ctrl-C (SIGINT) in the middle of 50 parallel jobs of a real `slipway run`, started with the
default SIGINT disposition (as from a terminal). Prints how long cancellation took, the exit code,
records left Running/Pending, cleanup steps that ran and processes left behind."""
import os, random, signal, sqlite3, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
tag = str(random.randint(500000, 599999))
d = tempfile.mkdtemp(prefix="slipway-ctrlc-")
subprocess.run(["git", "init", "-q", "-b", "main", d], check=True)
with open(os.path.join(d, "azure-pipelines.yml"), "w") as f:
    f.write("jobs:\n")
    for i in range(1, 51):
        f.write(f"- job: j{i}\n  steps:\n  - checkout: none\n  - bash: sleep {tag}\n  - bash: echo cleanup\n    condition: always()\n")
exe = os.path.join(root, "slipway")
subprocess.run([exe, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
out = open(os.path.join(d, "out.txt"), "w")
p = subprocess.Popen([exe, "run", "-C", d, "--parallel", "50"], stdout=out, stderr=subprocess.STDOUT,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
time.sleep(float(sys.argv[1]) if len(sys.argv) > 1 else 8)
start = time.time()
p.send_signal(signal.SIGINT)
code = p.wait(timeout=600)
took = time.time() - start
db = sqlite3.connect(os.path.join(d, ".slipway", "runs.db"))
left = db.execute("select count(*) from records where state in ('Running','Pending')").fetchone()[0]
cleanup = open(os.path.join(d, "out.txt")).read().count("] cleanup\n")
procs = subprocess.run(["pgrep", "-fc", "sleep " + tag], capture_output=True, text=True).stdout.strip() or "0"
print(f"Ctrl-C during 50 parallel jobs: ended {took:.1f}s after SIGINT, exit {code}, records left running/pending: {left}, "
      f"cleanup steps run: {cleanup}, processes left: {procs}")
