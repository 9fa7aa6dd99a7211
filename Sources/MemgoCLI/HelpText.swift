/// The help texts, in the layout swift-argument-parser made familiar.
enum HelpText {
  static let commands = ["run", "validate", "trace", "explain", "merge", "reproduce", "bench", "serve", "client", "help"]

  static func forCommand(_ name: String) -> String? {
    switch name {
    case "run": return run
    case "validate": return validate
    case "bench": return bench
    case "explain": return explain
    case "merge": return merge
    case "reproduce": return reproduce
    case "trace": return trace
    case "serve": return serve
    case "client": return client
    case "help": return overview
    default: return nil
    }
  }

  static let overview = """
    OVERVIEW: memgo — a discrete-event performance modeler of OS memory management.

    Client processes issue memory reads and writes; the MMU translates them through a TLB and a
    multi-level page table; faults evict victims chosen by a replacement policy and go to disk.
    Scenarios are JSON files; reports give fault rates, latency and throughput.

    USAGE: memgo <command> [options]

    SUBCOMMANDS:
      run SCENARIO.json       Simulate a scenario and print its report.
      validate SCENARIO...    Check scenario files; run nothing.
      explain --refs LIST     Textbook step table of a reference string under one policy.
      merge PART.json...      Combine the partial results of a sharded run into its report.
      reproduce [--check]     Regenerate reports/ from scenarios/; --check compares instead.
      trace TRACEFILE         Replay a memory trace: faults per policy and size, miss-ratio curve.
      bench                   Run the built-in performance benchmarks.
      serve SCENARIO.json     Be the OS for real client processes over a socket.
      client                  Talk to a memgo serve from a terminal or a command file.
      help [COMMAND]          Show help for memgo or one command.

    OPTIONS:
      -h, --help              Show help information.
      --version               Show the version.

    EXIT STATUS: 0 success; 2 bad usage or invalid input; 1 any other failure.

    """

  static let serve = """
    OVERVIEW: Be the OS for real client processes: each connection is a process with its own
    virtual address space; its reads and writes go through the machine's TLB, page tables, frames
    and replacement policy, with real bytes in a physical memory of frames × pageSize and evicted
    dirty pages written to a real swap file. One OS model with `memgo run`. Runs until SIGINT or
    SIGTERM, then prints the session's report (the metrics of `run`, one group per client name).

    USAGE: memgo serve SCENARIO.json (--socket PATH | --listen 127.0.0.1:PORT) [options]

    ARGUMENTS:
      SCENARIO.json           Its `machine` configures the OS (scope global or local; not opt;
                              frames × pageSize at most 4 GiB).
                              `processes`, `stop`, `warmup` and `sweep` may be left out; when
                              present they are ignored (a warning says so): the clients are the
                              processes.

    OPTIONS:
      --socket PATH           Listen on a Unix-domain stream socket (created with mode 0600).
      --listen HOST:PORT      Listen on TCP (IPv4; port 0 lets the kernel pick and the port is
                              printed). A non-loopback HOST needs --allow-remote.
      --allow-remote          Accept a non-loopback --listen address.
      --swap FILE             The swap file (default: a temporary file, removed at exit).
      --swap-slots N          At most N pages on swap (values: 1...2^40; default: no limit): a
                              request that could need more is refused with "swap is full".
      --max-clients N         Processes at once (values: 1...4096; default: 64).
      --record FILE           Write every page access as a plain trace (see README).
      --out DIR               Also write the report files (report.json, .csv, .md) to DIR.
      --format F              Report on stdout (values: table, markdown, csv, json; default: table).
      -h, --help              Show help information.

    PROTOCOL: JSON Lines, one request and one reply per line (at most 4194304 bytes), e.g.
      {"op":"spawn","name":"db","addressSpace":"16MiB"}   (first line)
      {"op":"write","va":"0x1000","data":"aGVsbG8="}
      {"op":"read","va":"0x1000","size":5}               (size: 1...1048576)
      {"op":"stats"}   {"op":"exit"}
    See README, "memgo as a client-server OS", for the replies.

    EXIT STATUS: 0 stopped by a signal; 2 bad usage or invalid scenario; 1 any other failure.

    """

  static let client = """
    OVERVIEW: A client of memgo serve: spawns one process, then sends one request per command read
    from FILE (or the terminal) and prints each reply, one line per page touched (physical
    address, page-table entries, fault, victim, latency).

    USAGE: memgo client (--socket PATH | --connect HOST:PORT) [FILE] [options]

    COMMANDS:
      write VA "TEXT"         Write TEXT (\\n for a newline) at virtual address VA (0x... or decimal).
      read VA SIZE            Read SIZE bytes at VA.
      stats                   The session's metrics so far.
      exit                    End the process (also at the end of the input).

    OPTIONS:
      --socket PATH           The server's Unix socket.
      --connect HOST:PORT     The server's TCP address.
      --name NAME             The process's name (default: client).
      --address-space SIZE    Its virtual address space (default: 16MiB).
      --json                  Print the raw reply lines.
      -h, --help              Show help information.

    """

  static let run = """
    OVERVIEW: Simulate a scenario (every sweep point, every replication) and print its report.

    USAGE: memgo run SCENARIO.json [options]

    ARGUMENTS:
      SCENARIO.json           The scenario file (see README, "Scenario reference").

    OPTIONS:
      --seed N                Base seed of every random stream (values: 0...2^64-1; default: the
                              scenario's "seed", else 1).
      --replications N        Replications per sweep point (values: 1...100000; default: the
                              scenario's "replications", else 1).
      --format F              Report format on stdout (values: table, markdown, csv, json;
                              default: table).
      --out DIR               Also write DIR/NAME.md, DIR/NAME.csv, DIR/NAME.json and, for a
                              sweep, DIR/NAME.svg; keep each finished work unit in DIR/NAME.units
                              until the run completes (values: a directory; default: none).
      --log FILE|-            Write the event log (JSON Lines) to FILE, or to stdout with '-'
                              (the report then goes only to --out). One run only: no sweep and one
                              replication.
      --jobs N                Work units (point × replication) run in parallel; the report is the
                              same for every N (values: 1...4096; default: the number of cores).
      --shard K/N             Run only the work units whose index is K-1 modulo N and write them to
                              DIR/NAME.shard-K-of-N.json for 'memgo merge'; needs --out (values:
                              1 ≤ K ≤ N; default: all units).
      --resume                Skip the work units already finished in --out (after an interruption)
                              and run the rest (default: off; a run without it starts afresh).
      --plot METRIC           The metric plotted in NAME.svg and compared in paired differences
                              (values: a report key such as faultRate, latencyP99, throughput;
                              default: faultRate).
      --progress              Show progress on stderr even when it is not a terminal (default: on
                              a terminal, for runs longer than a second).
      --quiet                 Print nothing on stdout and no progress (use with --out).
      -h, --help              Show help information.

    SIGINT or SIGTERM stops the run after the work units in progress: those finished are kept in
    --out (exit status 1); a second signal stops at once.

    """

  static let merge = """
    OVERVIEW: Combine the partial results of a sharded run into its report, byte for byte the
    report of the same run without shards.

    USAGE: memgo merge PART.json... [--out DIR] [options]

    ARGUMENTS:
      PART.json               Partial results written by 'memgo run --shard K/N --out DIR', one per
                              shard, in any order.

    OPTIONS:
      --out DIR               Write DIR/NAME.md, DIR/NAME.csv, DIR/NAME.json and, for a sweep,
                              DIR/NAME.svg (values: a directory; default: none).
      --format F              Report format on stdout (values: table, markdown, csv, json;
                              default: table).
      --plot METRIC           The metric plotted and compared in paired differences (values: a
                              report key; default: faultRate).
      --quiet                 Print nothing on stdout.
      -h, --help              Show help information.

    Refuses (exit status 2, one line per problem) parts written by another memgo version, parts
    of different runs (scenario file, seed, replications), a work unit given twice, and missing
    work units, which it names with the shards that hold them.

    """

  static let reproduce = """
    OVERVIEW: Regenerate the committed reports from the example scenarios: every scenarios/*.json
    gives reports/NAME.md, .csv, .json and, for a sweep, .svg.

    USAGE: memgo reproduce [--check] [options]

    OPTIONS:
      --check                 Regenerate into a temporary directory and compare: exit status 1,
                              naming every file that differs, is missing, or has no scenario
                              (default: off, write into reports/). Documents named in capitals
                              (VALIDATION.md) and subdirectories are left alone.
      --scenarios DIR         Where the scenarios are (values: a directory; default: scenarios).
      --reports DIR           Where the reports are (values: a directory; default: reports).
      --jobs N                Work units run in parallel (values: 1...4096; default: the number of
                              cores).
      --progress              Show progress on stderr even when it is not a terminal.
      --quiet                 Print nothing on stdout and no progress.
      -h, --help              Show help information.

    """

  static let validate = """
    OVERVIEW: Check scenario files and every sweep point in them; run nothing.

    USAGE: memgo validate SCENARIO.json...

    ARGUMENTS:
      SCENARIO.json           One or more scenario files.

    OPTIONS:
      -h, --help              Show help information.

    Each problem is printed on stderr as 'memgo: FILE: JSON.PATH: what is wrong (what is
    expected)'. Exit status 2 if any file is invalid, 1 if one cannot be read.

    """

  static let explain = """
    OVERVIEW: Run a short reference string through one replacement policy and print the step table
    that operating-systems textbooks draw: one column per reference, the page in each frame after
    it, faults marked F, victims named, then the fault count. Frames start empty; cold faults count.

    USAGE: memgo explain --refs LIST [--frames N] [--policy P] [--format F]

    OPTIONS:
      --refs LIST             Page numbers separated by commas, each optionally prefixed by W (a
                              write) or R (a read), e.g. 7,0,1,2,0,3,W0,4 (values: 0...2^40-1;
                              at most 10000 references).
      --frames N              Number of page frames (values: 1...64; default: 3).
      --policy P              Replacement policy with its default parameters (values: fifo, lru,
                              clock, nru, lfu, random, aging, wsclock, arc, 2q, sieve, opt;
                              default: fifo). Time-based parameters count references.
      --format F              Output format (values: table, markdown, json; default: table).
      --seed N                Seed of the random policy (values: 0...2^64-1; default: 1).
      -h, --help              Show help information.

    EXAMPLE: memgo explain --refs 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 --frames 3 --policy lru

    """

  static let bench = """
    OVERVIEW: Measure memgo's speed on built-in cases (build with -c release to measure).

    USAGE: memgo bench [--quick] [--long] [--format table|json]

    OPTIONS:
      --quick                 Run short cases (about a tenth of the accesses), for a smoke test.
      --long                  Also run the 100M-access case that shows memory does not grow with
                              run length.
      --format F              Output format (values: table, json; default: table).
      -h, --help              Show help information.

    Cases: 'des-zipf-lru' — 8 processes, zipf access, global LRU, 4-level page table, 64-entry
    4-way TLB, 10M page accesses (with --long also 'des-zipf-lru-long', 100M); 'sweep16-jobs1'
    and 'sweep16-jobs2' — the same workload swept over 16 memory sizes (10M page accesses in
    all), run with one and with two worker threads (best of 3 runs each), and their ratio,
    sweepSpeedup. Reported per case: accessesPerWallSecond, eventsPerWallSecond,
    peakResidentBytes, wallSeconds.
    Trace cases, on a 10M-line plain trace generated in $TMPDIR first (its generation time is
    reported as setupSeconds, not measured; the file is deleted after): 'trace-lru' (LRU at 4096
    frames, parsing included), 'trace-lru-1-thread' (the same with --jobs 1), 'trace-mrc' (exact
    LRU miss-ratio curve at every size), 'trace-mrc-shards' (the curve sampled at 1%),
    'trace-lru-classified' (LRU plus OPT and the 3C split). They also report references and
    referencesPerWallSecond. Every case reports cpuSeconds too: on a machine busy with other
    work, wall time includes waiting for a core.

    """

  static let trace = """
    OVERVIEW: Replay a memory trace against replacement policies at several memory sizes, without
    timing: faults, fault rates and dirty evictions for every (policy, frames) pair, the faults split
    into compulsory, capacity and policy faults, Belady anomalies, and the LRU miss-ratio curve.

    USAGE: memgo trace TRACEFILE [options]

    ARGUMENTS:
      TRACEFILE               A valgrind lackey (--trace-mem=yes), Dinero din or plain trace
                              (see docs/traces.md).

    OPTIONS:
      --trace-format F        The trace's format (values: lackey, din, plain, auto; default: auto,
                              detected from the first lines).
      --page-size SIZE        Bytes per page, a power of two (values: 1B...256TiB; default: 4KiB).
      --frames LIST|A..B      Memory sizes in frames: a list, or every size from A to B (values:
                              1...2147483647, e.g. 64,128,256 or 1..64; default: none, required
                              unless --mrc).
      --policy LIST           Policies to replay at every size (values: fifo, lru, clock, nru,
                              lfu, random, aging, wsclock, arc, 2q, sieve, opt, or all;
                              default: lru).
      --mrc                   Also compute LRU's fault rate at every size from 1 frame to the
                              number of distinct pages, in one pass (Mattson stack distances).
      --sample R              Build the --mrc curve from a spatial sample of the pages (SHARDS)
                              at rate R; implies --mrc (values: 0.0000001...1; default: 1, exact).
      --no-classify           Skip the compulsory/capacity/policy split. The split runs OPT at
                              every size, with two extra passes over an 8-byte-per-access scratch
                              file: on bench/trace's 10M-line zipf trace with one LRU size, about
                              twice the instructions and 2-4 times the wall time of LRU alone.
      --no-instructions       Drop instruction fetches (lackey I, din 2) instead of reading them.
      --skip-bad-lines        Count and skip malformed lines (warning on stderr) instead of
                              stopping at the first one.
      --seed N                Seed of the random policy (values: 0...2^64-1; default: 1).
      --jobs N                Threads: 2 or more reads and parses the trace on a second thread
                              while the replays run; 1 does both on one (values: 1...4096;
                              default: 2, or 1 on a single core). Output is the same.
      --format F              Output format on stdout (values: table, markdown, csv, json;
                              default: table).
      --out DIR               Also write DIR/NAME.md, NAME.json, NAME.csv and, with --mrc,
                              NAME-mrc.csv, NAME-mrc.json and NAME-mrc.svg (NAME: the trace's file
                              name without extension).
      --quiet                 Print nothing on stdout (use with --out).
      -h, --help              Show help information.

    The trace is read once; OPT replays a compact copy of it written to $TMPDIR (deleted when done).
    Exit status 2 for a malformed line (named by its line number) or a bad option, 1 if the trace
    cannot be read.

    """
}
