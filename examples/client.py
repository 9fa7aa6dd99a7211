#!/usr/bin/env python3
"""A minimal client of `memgo serve`, standard library only: a starting point for students.

Start a server:   swift run -c release memgo serve examples/serve-8-frames.json --socket /tmp/memgo.sock
Then run:         python3 examples/client.py /tmp/memgo.sock

It spawns a process, writes a message across a page boundary, reads it back, shows the
translation the OS did for each page (page-table entries, fault, victim, physical address,
latency), touches more pages than the machine has frames to force evictions, and prints stats.
"""
import base64
import json
import socket
import sys


class MemgoProcess:
    """One process of the served OS: one connection, one JSON request and reply per line."""

    def __init__(self, path, name="student", address_space="1MiB"):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.reader = self.sock.makefile("rb")
        reply = self.request({"op": "spawn", "name": name, "addressSpace": address_space})
        self.pid, self.page_size = reply["pid"], reply["pageSize"]

    def request(self, message):
        self.sock.sendall((json.dumps(message) + "\n").encode())
        reply = json.loads(self.reader.readline())
        if not reply["ok"]:
            raise RuntimeError(reply["error"])
        return reply

    def write(self, va, data):
        return self.request({"op": "write", "va": hex(va), "data": base64.b64encode(data).decode()})["pages"]

    def read(self, va, size):
        reply = self.request({"op": "read", "va": hex(va), "size": size})
        return base64.b64decode(reply["data"]), reply["pages"]

    def stats(self):
        return self.request({"op": "stats"})["metrics"]

    def exit(self):
        self.request({"op": "exit"})
        self.sock.close()


def show(pages):
    for p in pages:
        victim = p["victim"]
        evicted = f", evicted pid {victim['pid']} page {victim['vpn']}" if victim else ""
        print(f"  va {p['va']} -> pa {p['pa']}  tlb {p['tlb']}  fault {p['fault']}{evicted}  {p['latency']} ns")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/memgo.sock"
    proc = MemgoProcess(path)
    print(f"pid {proc.pid}, pages of {proc.page_size} bytes")
    message = b"hello from a real process"
    va = proc.page_size - 10  # crosses into the second page
    print("write:")
    show(proc.write(va, message))
    data, pages = proc.read(va, len(message))
    print(f"read back {data!r}:")
    show(pages)
    assert data == message
    print("touching 16 pages (more than the 8 frames):")
    for page in range(16):
        proc.write(page * proc.page_size + 100, bytes([page]) * 8)
    data, pages = proc.read(100, 8)
    show(pages)
    assert data == bytes([0]) * 8
    metrics = proc.stats()
    print({k: metrics[k] for k in ("faults", "majorFaults", "evictions", "dirtyEvictions", "diskReads")})
    proc.exit()


if __name__ == "__main__":
    main()
