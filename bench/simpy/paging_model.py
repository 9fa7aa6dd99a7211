#!/usr/bin/env python3
"""SimPy version of scenarios/bench/simpy-model.json, for a side-by-side benchmark with memgo.

The model (the same paging work as memgo's):
  * 8 processes, each looping: think (exponential, mean 50 us) -> one access of one page.
  * The page is drawn from a Zipf law, P(rank k) ~ 1/(k+1)^0.9 over the process's 10,000 pages
    (40000 KiB / 4 KiB), by inverse CDF: bisect over a precomputed cumulative table. Pages are
    private to their process: the key is (pid, page), encoded as pid * PAGES + page.
    (memgo also shuffles ranks onto page numbers with a fixed permutation; a bijection changes
    nothing for LRU, so it is left out here.)
  * 30% of the accesses are writes; a resident page becomes dirty when written.
  * Global LRU over F frames (default 4096): an OrderedDict key -> dirty, least recently used
    first. A hit moves the page to the MRU end.
  * A miss is a fault: the LRU victim of any process is taken at once (its frame is then locked
    for this fault, as in memgo); if it was dirty it is written back first (5 ms on the disk),
    then the page is read (5 ms). The disk is one channel, a simpy.Resource(capacity=1) (FIFO);
    as in memgo the write-back and the read are two separate disk operations, each queued in
    turn. The loaded page enters at the MRU end, dirty only if this access is a write.
  * Sub-microsecond costs are modelled coarsely: every access attempt is charged ACCESS_COST
    (1 ns TLB + ~4 x 100 ns walk + 100 ns RAM, about 0.5 us), folded into the think-time timeout
    so it adds no SimPy event. It is under 1% of the think time, and the disk is the bottleneck.

Stops when --requests requests (over all processes) have completed; prints one JSON line.
"""

import argparse
import bisect
import itertools
import json
import random
import sys
import time
from collections import OrderedDict

import simpy

PROCESSES = 8
PAGES = 40000 * 1024 // 4096          # 10,000 pages per process
ZIPF_EXPONENT = 0.9
THINK_MEAN = 50e-6                    # seconds
WRITE_FRACTION = 0.3
DISK_READ = 5e-3
DISK_WRITE = 5e-3
ACCESS_COST = 1e-9 + 4 * 100e-9 + 100e-9


def zipf_cdf(n, s):
    """Cumulative table of P(k) ~ 1/(k+1)^s for k in [0, n), normalised, the last entry 1.0."""
    weights = [1.0 / (k + 1) ** s for k in range(n)]
    total = sum(weights)
    cdf = list(itertools.accumulate(w / total for w in weights))
    cdf[-1] = 1.0
    return cdf


def run(requests, frames, seed):
    env = simpy.Environment()
    disk = simpy.Resource(env, capacity=1)
    cdf = zipf_cdf(PAGES, ZIPF_EXPONENT)
    resident = OrderedDict()            # (pid, page) key -> dirty, LRU first
    stats = {"completed": 0, "faults": 0, "locked": 0, "dirty_evictions": 0}
    finished = env.event()

    def process(pid):
        rng = random.Random(seed * 1_000_003 + pid)
        expovariate = rng.expovariate
        uniform = rng.random
        rate = 1.0 / THINK_MEAN
        base = pid * PAGES
        move_to_end = resident.move_to_end
        while True:
            yield env.timeout(expovariate(rate) + ACCESS_COST)
            key = base + bisect.bisect_left(cdf, uniform())
            write = uniform() < WRITE_FRACTION
            if key in resident:
                move_to_end(key)
                if write:
                    resident[key] = True
            else:
                stats["faults"] += 1
                victim_dirty = False
                if len(resident) + stats["locked"] >= frames:
                    _, victim_dirty = resident.popitem(last=False)
                stats["locked"] += 1
                if victim_dirty:
                    stats["dirty_evictions"] += 1
                    with disk.request() as req:
                        yield req
                        yield env.timeout(DISK_WRITE)
                with disk.request() as req:
                    yield req
                    yield env.timeout(DISK_READ)
                stats["locked"] -= 1
                resident[key] = write
            stats["completed"] += 1
            if stats["completed"] >= requests and not finished.triggered:
                finished.succeed()

    for pid in range(PROCESSES):
        env.process(process(pid))
    env.run(until=finished)
    return stats, env.now


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500_000,
                        help="total requests over all processes (default 500000)")
    parser.add_argument("--frames", type=int, default=4096, help="frames of RAM (default 4096)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.frames < PROCESSES:
        parser.error(f"--requests must be >= 1 and --frames >= {PROCESSES}")

    start = time.perf_counter()
    stats, sim_time = run(args.requests, args.frames, args.seed)
    wall = time.perf_counter() - start
    done = stats["completed"]
    print(json.dumps({
        "tool": "simpy",
        "simpy": simpy.__version__,
        "python": sys.version.split()[0],
        "requests": done,
        "faults": stats["faults"],
        "fault_rate": stats["faults"] / done,
        "dirty_evictions": stats["dirty_evictions"],
        "frames": args.frames,
        "seed": args.seed,
        "simulated_seconds": sim_time,
        "wall_seconds": wall,
        "requests_per_second": done / wall,
    }))


if __name__ == "__main__":
    main()
